package io.vodflow.cli;

/** Resolves one setting: the command-line option, else the environment variable, else the default. */
public final class Setting {

    private Setting() {
    }

    public static String pick(String option, VodCli root, String envName, String fallback) {
        if (option != null && !option.isBlank()) {
            return option.trim();
        }
        String fromEnv = envName == null ? null : root.env(envName);
        return fromEnv != null ? fromEnv : fallback;
    }
}
