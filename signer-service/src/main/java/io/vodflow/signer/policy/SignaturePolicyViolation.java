package io.vodflow.signer.policy;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request the signing policy refuses: 422 problem JSON whose {@code rule} property names the broken rule. */
public class SignaturePolicyViolation extends ErrorResponseException {
    private final String rule;

    public SignaturePolicyViolation(String rule, String detail) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, problem(rule, detail), null);
        this.rule = rule;
    }

    private static ProblemDetail problem(String rule, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, detail);
        p.setTitle("Outside the signing policy");
        p.setProperty("rule", rule);
        return p;
    }

    /** Id of the broken rule, e.g. {@code ttl.max}; also the metric tag of the refusal. */
    public String rule() {
        return rule;
    }
}
