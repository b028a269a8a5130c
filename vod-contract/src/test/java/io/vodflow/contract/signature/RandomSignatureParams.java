package io.vodflow.contract.signature;

import java.util.Random;

/** Valid random parameter sets with hostile text: query metacharacters, percent signs, Unicode, emoji. */
final class RandomSignatureParams {

    private static final String[] PIECES = {"a", "Z", "0", "9", " ", "&", "=", "+", "%", "%20", "~", "-", "_", ".",
            "*", "/", "?", "#", "\"", "{", "}", ":", ",", "\n", "\t", "é", "ß", "中", "文", "😀", "🎬", "\u0001", "'",
            "<", ">", "\\", "€"};

    private final Random random;

    RandomSignatureParams(long seed) {
        this.random = new Random(seed);
    }

    UploadSignatureParams next() {
        long now = random.nextInt(4) == 0 ? 0 : Math.floorMod(random.nextLong(), 4_000_000_000L);
        long validity = random.nextInt(4) == 0 ? pick(1L, SignatureParameterRules.MAX_VALIDITY_SECONDS)
                : 1 + Math.floorMod(random.nextLong(), SignatureParameterRules.MAX_VALIDITY_SECONDS);
        long rnd = random.nextInt(4) == 0 ? pick(0L, SignatureParameterRules.MAX_RANDOM)
                : Math.floorMod(random.nextLong(), SignatureParameterRules.MAX_RANDOM + 1);
        String procedure = maybe() ? nonBlank(text(40)) : null;
        return new UploadSignatureParams(
                nonBlank(text(48)),
                now,
                now + validity,
                rnd,
                maybe() ? random.nextInt(Integer.MAX_VALUE) : null,
                procedure,
                procedure != null && maybe() ? random.nextInt(21) - 10 : null,
                procedure != null && maybe() ? pick("Finish", "Change", "None") : null,
                maybe() ? text(SignatureParameterRules.MAX_SOURCE_CONTEXT) : null,
                maybe() ? random.nextInt(2) : null,
                maybe() ? Math.floorMod(random.nextLong(), Long.MAX_VALUE) : null,
                maybe() ? text(SignatureParameterRules.MAX_SESSION_CONTEXT) : null,
                maybe() ? nonBlank(text(20)) : null);
    }

    /** Up to {@code maxCodePoints} code points (sometimes exactly that many), from the hostile pieces. */
    private String text(int maxCodePoints) {
        int target = random.nextInt(5) == 0 ? maxCodePoints : random.nextInt(maxCodePoints + 1);
        StringBuilder out = new StringBuilder();
        int count = 0;
        while (count < target) {
            String piece = PIECES[random.nextInt(PIECES.length)];
            int n = piece.codePointCount(0, piece.length());
            if (count + n > target) {
                piece = "x";
                n = 1;
            }
            out.append(piece);
            count += n;
        }
        return out.toString();
    }

    private String nonBlank(String s) {
        return s.isBlank() ? "x" + s : s;
    }

    private boolean maybe() {
        return random.nextBoolean();
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
