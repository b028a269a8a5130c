package io.vodflow.contract.signature;

/** A signature parameter broke a contract rule; carries the parameter name and the rule, never a secret. */
public class SignatureParameterException extends IllegalArgumentException {
    private final String parameter;
    private final String rule;

    public SignatureParameterException(String parameter, String rule) {
        super(parameter + ": " + rule);
        this.parameter = parameter;
        this.rule = rule;
    }

    public String parameter() { return parameter; }

    public String rule() { return rule; }
}
