package io.vodflow.processor.live;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the status page's two files. They are routes rather than static resources so that no other path makes
 * the service search its class path (see vodflow-defaults.properties).
 */
@Hidden
@RestController
public class StatusPageHandler {
    private static final Resource PAGE = new ClassPathResource("status-page/status.html");
    private static final Resource SCRIPT = new ClassPathResource("status-page/status.js");
    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript");

    /** The page; it asks for a JWT and follows {@code /v1/users/me/events}. */
    @GetMapping("/status.html")
    public ResponseEntity<Resource> page() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE);
    }

    /** The page's script. */
    @GetMapping("/status.js")
    public ResponseEntity<Resource> script() {
        return ResponseEntity.ok().contentType(JAVASCRIPT).body(SCRIPT);
    }
}
