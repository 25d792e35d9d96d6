package org.swarmport.db;

/** A setting whose value cannot be used; the message names the variable and what it accepts. */
public final class InvalidSettingException extends RuntimeException {

    private final String variable;

    public InvalidSettingException(String variable, String problem) {
        super(variable + " " + problem);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
