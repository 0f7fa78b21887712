package dev.envclone.procedure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the SQL statements out of the procedure document: fenced ```sql blocks and the code blocks indented under
 * list items, split into statements the way SQL*Plus and SSMS would (a PL/SQL block runs to its "/").
 */
final class DocumentStatements {
    private static final Pattern SQL_START = Pattern.compile(
            "(?i)^(select|update|delete|truncate|if|alter|declare|begin|commit)\\b.*");

    private DocumentStatements() {
    }

    /** The SQL code blocks of one part of the document, each as its lines. */
    static List<String> statements(String markdown) {
        List<String> statements = new ArrayList<>();
        for (String block : blocks(markdown)) {
            statements.addAll(split(block));
        }
        return statements;
    }

    static List<String> blocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        String[] lines = markdown.replace("\t", "    ").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().equals("```sql")) {
                StringBuilder block = new StringBuilder();
                for (i++; i < lines.length && !lines[i].strip().equals("```"); i++) {
                    block.append(lines[i]).append('\n');
                }
                blocks.add(block.toString());
            } else if (indent(line) >= 8 && SQL_START.matcher(line.strip()).matches()
                    && (i == 0 || lines[i - 1].isBlank())) {
                StringBuilder block = new StringBuilder();
                for (; i < lines.length && (lines[i].isBlank() || indent(lines[i]) >= 8); i++) {
                    block.append(lines[i]).append('\n');
                }
                i--;
                blocks.add(block.toString());
            }
        }
        return blocks;
    }

    /** Splits a block on top-level ';'; a DECLARE/BEGIN block runs to a line holding only '/'. */
    static List<String> split(String block) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inString = false;
        String[] lines = block.split("\n");
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l];
            String head = (current.toString() + line).strip().toUpperCase(Locale.ROOT);
            if (!inString && (head.startsWith("DECLARE") || head.startsWith("BEGIN"))) {
                for (; l < lines.length && !lines[l].strip().equals("/"); l++) {
                    current.append(lines[l]).append('\n');
                }
                statements.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            for (char c : (line + "\n").toCharArray()) {
                if (c == '\'') {
                    inString = !inString;
                }
                if (c == ';' && !inString) {
                    add(statements, current);
                } else {
                    current.append(c);
                }
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty() && !statement.equals("/")) {
            statements.add(statement);
        }
        current.setLength(0);
    }

    /** Whitespace folded, so that line breaks and indentation do not count. */
    static String normalize(String sql) {
        return sql.replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")").strip();
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
