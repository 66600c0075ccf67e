package org.cwmpacs.core.provision;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code declare()} of a provision, in GenieACS's terms: what must be known about the parameters a path
 * matches, and how fresh ({@code pathGet}, {@code attrGet}: milliseconds since the epoch; 1 means "known at
 * all"), and what must hold ({@code pathSet}: how many instances; {@code attrSet}).
 *
 * @param attrGet per attribute ({@code value}, {@code object}, {@code writable}, {@code notification},
 *     {@code accessList}): how fresh it must be
 * @param attrSet per attribute, the wanted state: {@code value} a {@link Value}, {@code writable} a Boolean,
 *     {@code notification} an Integer, {@code accessList} a list of texts
 * @param subtree the attributes asked for hold for everything below the matches too (GenieACS's
 *     {@code refresh} declares {@code path.*.*…} to 16 levels; here the planner lists and reads the subtree whole)
 */
public record Declare(Path path, long pathGet, Optional<Count> pathSet, Map<String, Long> attrGet,
                      Map<String, Object> attrSet, boolean subtree) {
    public Declare {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(pathSet, "pathSet");
        attrGet = Map.copyOf(attrGet);
        attrSet = Map.copyOf(attrSet);
    }

    /** How many instances the path must match. */
    public record Count(int min, int max) {
        public Count {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("an instance count must be 0 or more and min ≤ max, not [" + min
                        + ", " + max + "]");
            }
        }
    }

    /** A wanted value, with its type when the provision gives one. */
    public record Value(Object value, Optional<String> type) {
        public Value {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(type, "type");
        }
    }

    public Declare(Path path, long pathGet, Optional<Count> pathSet, Map<String, Long> attrGet,
                   Map<String, Object> attrSet) {
        this(path, pathGet, pathSet, attrGet, attrSet, false);
    }

    /** What a provision reads: these attributes, known at all. */
    public static Declare get(Path path, List<String> attributes) {
        Map<String, Long> get = new java.util.HashMap<>();
        attributes.forEach(a -> get.put(a, 1L));
        return new Declare(path, 1, Optional.empty(), get, Map.of());
    }
}
