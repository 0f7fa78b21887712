package dev.envclone.db;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that hides secrets in a text that may hold a JDBC URL: a target URL about to be shown, journaled or
 * displayed, and a driver's message that echoes one. A URL with a password is refused before it is used
 * ({@link TargetUrl}); this is the defence behind that, so it covers every spelling the three drivers accept, as
 * measured on mssql-jdbc 13.6 (and its tests again on 12.10), ojdbc11 23.26 and H2 2.5:
 * <ul>
 *   <li>a setting whose name holds password, passwd, pwd or secret, or an access token, in any case, with spaces
 *       around {@code =} (mssql-jdbc trims them): {@code ;Password = x}, {@code ;trustStorePassword=x},
 *       {@code ;keyStoreSecret=x}, H2's {@code ;PASSWORD=x}, ojdbc's {@code ?oracle.jdbc.password=x&...};</li>
 *   <li>its value in braces, where {@code }}} is a brace (mssql-jdbc), or in double quotes (ojdbc);</li>
 *   <li>ojdbc's {@code user/password@}, {@code user/"password"@} and {@code "user"/"password"@}.</li>
 * </ul>
 * Hiding too much is harmless here; a value runs to the end of its setting as the driver reads it, and where that
 * is unclear, further.
 */
public final class UrlSecrets {
    /** The mask that replaces a secret. */
    public static final String MASK = "***";

    private static final Pattern SECRET_KEY = Pattern.compile("(?i)[A-Za-z0-9_.$]*(?:password|passwd|pwd|secret"
            + "|accesstoken|access_token|clientkey)[A-Za-z0-9_.$]*\\s*=[ \\t]*");
    /** ojdbc's credentials before the connect identifier; the user may be quoted, the password too. */
    private static final Pattern USER_SLASH_PASSWORD = Pattern.compile(
            "(?<![A-Za-z0-9_$#/.-])([A-Za-z_][A-Za-z0-9_$#]*(?:\\[[^\\]\\s]*])?|\"[^\"\\r\\n]*\")/"
                    + "(\"(?:[^\"\\\\\\r\\n]|\\\\.)*\"|[^\\s@\"]+)(?=@)");

    private UrlSecrets() {
    }

    /** The text with every secret it holds replaced by {@value #MASK}; null becomes "". */
    public static String mask(String text) {
        if (text == null) {
            return "";
        }
        return maskUserSlashPassword(maskSettings(text));
    }

    /** Whether a URL holds a secret in any of the forms {@link #mask} hides. */
    public static boolean holdsSecret(String url) {
        return url != null && !mask(url).equals(url);
    }

    private static String maskSettings(String text) {
        StringBuilder out = new StringBuilder();
        Matcher key = SECRET_KEY.matcher(text);
        int from = 0;
        while (key.find(from)) {
            out.append(text, from, key.end()).append(MASK);
            from = valueEnd(text, key.end(), queryStyle(text, key.start()));
        }
        return out.append(text, from, text.length()).toString();
    }

    /** Where a setting's value ends: after its braces or quotes, else at the driver's separator. */
    private static int valueEnd(String text, int start, boolean query) {
        if (start < text.length() && text.charAt(start) == '{') {
            for (int i = start + 1; i < text.length(); i++) {
                if (text.charAt(i) == '}') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '}') {
                        i++;
                        continue;
                    }
                    return i + 1;
                }
            }
            return text.length();
        }
        if (start < text.length() && text.charAt(start) == '"') {
            for (int i = start + 1; i < text.length(); i++) {
                if (text.charAt(i) == '\\') {
                    i++;
                } else if (text.charAt(i) == '"') {
                    return i + 1;
                }
            }
            return text.length();
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || (query ? c == '&' : c == ';' && text.charAt(i - 1) != '\\')) {
                return i;
            }
        }
        return text.length();
    }

    /** ojdbc's URL properties follow {@code ?} and {@code &}; the others' settings follow {@code ;}. */
    private static boolean queryStyle(String text, int keyStart) {
        int i = keyStart - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i >= 0 && (text.charAt(i) == '?' || text.charAt(i) == '&');
    }

    private static String maskUserSlashPassword(String text) {
        Matcher matcher = USER_SLASH_PASSWORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + "/" + MASK));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
