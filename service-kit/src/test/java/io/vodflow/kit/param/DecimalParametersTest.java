package io.vodflow.kit.param;

import org.junit.jupiter.api.Test;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.WebDataBinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request parameters read as plain decimals by a binder set up like every controller's. */
class DecimalParametersTest {
    private final WebDataBinder binder = new WebDataBinder(null);

    DecimalParametersTest() {
        ParameterConfiguration.register(binder);
    }

    @Test
    void plainDecimalsConvert() {
        assertThat(binder.convertIfNecessary("16", int.class)).isEqualTo(16);
        assertThat(binder.convertIfNecessary("-3", Integer.class)).isEqualTo(-3);
        assertThat(binder.convertIfNecessary("+7", int.class)).isEqualTo(7);
        assertThat(binder.convertIfNecessary("9000000000", long.class)).isEqualTo(9_000_000_000L);
        assertThat(binder.convertIfNecessary("", Long.class)).isNull();
    }

    @Test
    void hexHashOtherScriptsAndSpacesAreRefused() {
        for (String odd : new String[] {"0x10", "#10", "0X1F", "\uFF11", "\u0661", " 5", "5 ", "1e3", "1.0", "2147483648", ""}) {
            assertThatThrownBy(() -> binder.convertIfNecessary(odd, int.class)).as(odd).isInstanceOf(TypeMismatchException.class);
        }
        assertThatThrownBy(() -> binder.convertIfNecessary("0x10", Long.class)).isInstanceOf(TypeMismatchException.class);
    }

    @Test
    void withoutTheEditorsSpringWouldReadHexAsANumber() {
        assertThat(new WebDataBinder(null).convertIfNecessary("0x10", int.class)).as("the leniency the editors remove").isEqualTo(16);
    }
}
