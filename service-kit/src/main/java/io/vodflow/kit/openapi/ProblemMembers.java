package io.vodflow.kit.openapi;

import java.util.Map;
import java.util.TreeMap;

/** Extension members a service adds to its problem bodies, by name with their meaning (each service its own bean). */
public record ProblemMembers(Map<String, String> descriptions) {

    public ProblemMembers {
        descriptions = Map.copyOf(descriptions);
    }

    /** Name, description, name, description, … */
    public static ProblemMembers of(String... namesAndDescriptions) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i + 1 < namesAndDescriptions.length; i += 2) {
            map.put(namesAndDescriptions[i], namesAndDescriptions[i + 1]);
        }
        return new ProblemMembers(map);
    }
}
