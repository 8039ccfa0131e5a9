package org.dodam.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One form of a page's raw HTML, read and sent as a browser without JavaScript does: its action, its
 * hidden fields, and the radio buttons or check boxes named {@code choice} with the text of their labels.
 */
public record PlainForm(String id, String action, List<Map.Entry<String, String>> hidden, List<Choice> choices) {

    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.-]+)=\"([^\"]*)\"");
    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos);");

    /** A choice as the page shows it: the value it sends and the text of its label. */
    public record Choice(String value, String label) {}

    /** The form with this id on the page; fails when there is none. */
    public static PlainForm of(String html, String formId) {
        Matcher start = Pattern.compile("<form\\b[^>]*\\bid=\"" + Pattern.quote(formId) + "\"[^>]*>")
                .matcher(html);
        if (!start.find()) {
            throw new IllegalStateException("no form '" + formId + "' on the page");
        }
        String action = unescape(attributes(start.group()).getOrDefault("action", ""));
        String body = html.substring(start.end(), html.indexOf("</form>", start.end()));
        List<Map.Entry<String, String>> hidden = new ArrayList<>();
        List<Choice> choices = new ArrayList<>();
        Matcher input = INPUT.matcher(body);
        while (input.find()) {
            Map<String, String> attributes = attributes(input.group(1));
            String type = attributes.getOrDefault("type", "text");
            if (type.equals("hidden")) {
                hidden.add(Map.entry(attributes.get("name"), unescape(attributes.getOrDefault("value", ""))));
            } else if ("choice".equals(attributes.get("name"))) {
                Matcher label = Pattern.compile(
                                "<label for=\"" + Pattern.quote(attributes.get("id")) + "\">([^<]*)</label>")
                        .matcher(body);
                choices.add(
                        new Choice(unescape(attributes.get("value")), label.find() ? unescape(label.group(1)) : null));
            }
        }
        return new PlainForm(formId, action, List.copyOf(hidden), List.copyOf(choices));
    }

    /** Every attribute of every input, label, button and form on the page, as (tag, name, value). */
    public static List<String[]> controlAttributes(String html) {
        List<String[]> found = new ArrayList<>();
        Matcher tag = Pattern.compile("<(input|label|button|select|option|textarea|form)\\b([^>]*)>")
                .matcher(html);
        while (tag.find()) {
            attributes(tag.group(2))
                    .forEach((name, value) -> found.add(new String[] {tag.group(1), name, unescape(value)}));
        }
        return found;
    }

    /** The form as sent by pressing the button {@code submit}, with these choices ticked. */
    public List<Map.Entry<String, String>> send(String submit, List<String> chosen) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(hidden);
        chosen.forEach(value -> fields.add(Map.entry("choice", value)));
        fields.add(Map.entry(id + ":" + submit, "x"));
        return fields;
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(text);
        while (attribute.find()) {
            attributes.put(attribute.group(1), attribute.group(2));
        }
        return attributes;
    }

    /** Undoes the HTML escaping that Faces applies to text and attribute values. */
    public static String unescape(String text) {
        Matcher entity = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String replacement = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default ->
                    Character.toString(
                            name.startsWith("#x")
                                    ? Integer.parseInt(name.substring(2), 16)
                                    : Integer.parseInt(name.substring(1)));
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        entity.appendTail(out);
        return out.toString();
    }
}
