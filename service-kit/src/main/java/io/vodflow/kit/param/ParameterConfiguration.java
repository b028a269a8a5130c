package io.vodflow.kit.param;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Puts {@link DecimalParameters} on every binder of every controller. A custom editor is consulted before the
 * conversion service, whose failures Spring would otherwise retry with its lenient default number editor.
 */
@AutoConfiguration
@ControllerAdvice
public class ParameterConfiguration {

    @InitBinder
    void decimalIntegers(WebDataBinder binder) {
        register(binder);
    }

    /** Registers the four editors (int, Integer, long, Long) on a binder. */
    static void register(WebDataBinder binder) {
        binder.registerCustomEditor(int.class, DecimalParameters.integers(true));
        binder.registerCustomEditor(Integer.class, DecimalParameters.integers(false));
        binder.registerCustomEditor(long.class, DecimalParameters.longs(true));
        binder.registerCustomEditor(Long.class, DecimalParameters.longs(false));
    }
}
