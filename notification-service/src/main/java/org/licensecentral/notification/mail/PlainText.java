package org.licensecentral.notification.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text part as mail readers show it best: lines of at most 72 columns (RFC 3676 recommends
 * 78 at most and quoting needs room), paragraphs apart by one blank line. A list item's
 * continuation lines are indented under its text. A word longer than the width, a long link,
 * keeps its own line whole, since a broken link does not open.
 */
final class PlainText {

    static final int WIDTH = 72;

    /** Leading spaces, then an optional "- " of a list item. */
    private static final Pattern INDENT = Pattern.compile("^( *(?:- )?)");

    private PlainText() {}

    static String wrap(String text) {
        List<String> lines = new ArrayList<>();
        String body = text.replaceFirst("^\\n+", "").stripTrailing().replaceAll("[ \\t]+(?=\\n)", "");
        for (String line : body.split("\n", -1)) {
            wrapLine(line, lines);
        }
        return String.join("\n", lines).replaceAll("\n{3,}", "\n\n") + "\n";
    }

    private static void wrapLine(String line, List<String> into) {
        if (line.length() <= WIDTH) {
            into.add(line);
            return;
        }
        Matcher indent = INDENT.matcher(line);
        indent.find();
        String first = indent.group(1);
        String next = " ".repeat(first.length());
        StringBuilder current = new StringBuilder(first);
        boolean empty = true;
        for (String word : line.substring(first.length()).trim().split(" +")) {
            if (!empty && current.length() + 1 + word.length() > WIDTH) {
                into.add(current.toString());
                current = new StringBuilder(next);
                empty = true;
            }
            if (!empty) {
                current.append(' ');
            }
            current.append(word);
            empty = false;
        }
        into.add(current.toString());
    }
}
