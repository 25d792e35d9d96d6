package org.swarmport.peer.bencode;

/**
 * One bencoded value (BEP 3). All four kinds are immutable and compare by content.
 *
 * <p>Java 17 has no pattern matching for {@code switch}; {@link #type()} lets callers switch
 * over the kinds without a chain of {@code instanceof}.
 */
public sealed interface BValue permits BInteger, BString, BList, BDictionary {

    /** The four kinds of bencoded value, named as BEP 3 names them. */
    enum Type {
        INTEGER("an integer"),
        STRING("a string"),
        LIST("a list"),
        DICTIONARY("a dictionary");

        private final String withArticle;

        Type(String withArticle) {
            this.withArticle = withArticle;
        }

        /** "an integer", "a string"...: for error messages. */
        public String withArticle() {
            return withArticle;
        }
    }

    Type type();
}
