package org.resnetexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Number options take plain decimal numbers only (issue 11, item 9: {@code --lr 1f} was accepted). */
@DisplayName("Arguments: number options")
class ArgumentsTest {
    private static final Set<String> OPTIONS = Set.of("--lr", "--steps", "--seed");
    /** Digits of other scripts that Java's parsers read as digits: Arabic-Indic, Devanagari, fullwidth, Thai. */
    private static final char[] FOREIGN_ZEROS = {'\u0660', '\u0966', '\uff10', '\u0e50'};

    private static Arguments with(String option, String value) throws UsageException {
        return Arguments.parse("train", List.of(option + "=" + value), OPTIONS, Set.of());
    }

    /** A random plain decimal: an optional minus, digits and/or a fraction, an optional exponent. */
    private static String decimal(Random random) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
        int form = random.nextInt(3);
        if (form != 2) {
            text.append(digits(random, 1 + random.nextInt(6)));
        }
        if (form != 0) {
            text.append('.').append(digits(random, form == 2 ? 1 + random.nextInt(5) : random.nextInt(5)));
        }
        if (random.nextInt(3) == 0) {
            text.append(random.nextBoolean() ? 'e' : 'E').append(List.of("", "-", "+").get(random.nextInt(3)))
                    .append(digits(random, 1 + random.nextInt(2)));
        }
        return text.toString();
    }

    private static String whole(Random random) {
        return (random.nextBoolean() ? "-" : "") + digits(random, 1 + random.nextInt(9));
    }

    private static String digits(Random random, int count) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < count; i++) {
            d.append((char) ('0' + random.nextInt(10)));
        }
        return d.toString();
    }

    /** Ways to spoil a number that Java's parsers (or a trim) would still accept. */
    private static List<String> spoiled(String number, Random random) {
        List<String> bad = new ArrayList<>();
        for (String suffix : List.of("f", "d", "F", "D", "L", "l")) {
            bad.add(number + suffix);
        }
        bad.add("+" + number);
        bad.add(" " + number);
        bad.add(number + " ");
        bad.add("\t" + number + "\n");
        bad.add(number + "x");
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                char zero = FOREIGN_ZEROS[random.nextInt(FOREIGN_ZEROS.length)];
                bad.add(number.substring(0, i) + (char) (zero + (c - '0')) + number.substring(i + 1));
                break;
            }
        }
        return bad;
    }

    private static final List<String> NOT_NUMBERS = List.of("NaN", "-NaN", "Infinity", "-Infinity", "+Infinity",
            "0x10", "0x1p3", "0X1P-2", "1_000", "1,5", "", ".", "-", "e5", "1e", "1e+", "--1", "1..2", "1e1.5", "١");

    @Test
    @DisplayName("generated plain decimals are accepted with their value; spoiled ones (suffixes, +, spaces, foreign"
            + " digits) are refused")
    void decimals() throws UsageException {
        Random random = new Random(23);
        for (int trial = 0; trial < 2000; trial++) {
            String number = decimal(random);
            assertThat(with("--lr", number).doubleOption("--lr")).as(number).isEqualTo(Double.parseDouble(number));
            for (String bad : spoiled(number, random)) {
                assertThatThrownBy(() -> with("--lr", bad).doubleOption("--lr")).as("'%s'", bad)
                        .isInstanceOf(UsageException.class).hasMessage("--lr needs a number, not '" + bad + "'");
            }
        }
        for (String bad : NOT_NUMBERS) {
            assertThatThrownBy(() -> with("--lr", bad).doubleOption("--lr")).as("'%s'", bad)
                    .isInstanceOf(UsageException.class).hasMessage("--lr needs a number, not '" + bad + "'");
        }
        assertThatThrownBy(() -> with("--lr", "1e999").doubleOption("--lr")).hasMessage("--lr needs a number, not '1e999'");
        assertThat(with("--lr", "1e-3").doubleOption("--lr")).isEqualTo(0.001);
        assertThat(with("--lr", ".5").doubleOption("--lr")).isEqualTo(0.5);
        assertThat(with("--lr", "-0.1").doubleOption("--lr")).isEqualTo(-0.1);
    }

    @Test
    @DisplayName("generated whole numbers are accepted; decimals, exponents and spoiled forms are refused; values out of"
            + " range say the range")
    void wholeNumbers() throws UsageException {
        Random random = new Random(29);
        for (int trial = 0; trial < 2000; trial++) {
            String number = whole(random);
            assertThat(with("--seed", number).longOption("--seed")).as(number).isEqualTo(Long.parseLong(number));
            int value = Integer.parseInt(number);
            if (value >= 1) {
                assertThat(with("--steps", number).intOption("--steps", 1)).isEqualTo(value);
            } else {
                assertThatThrownBy(() -> with("--steps", number).intOption("--steps", 1))
                        .hasMessage("--steps must be at least 1, not " + value);
            }
            List<String> bad = new ArrayList<>(spoiled(number, random));
            bad.addAll(List.of(number + ".0", number + "e2", number + ".", "0x" + number.replace("-", "")));
            for (String text : bad) {
                assertThatThrownBy(() -> with("--steps", text).intOption("--steps", 1)).as("'%s'", text)
                        .hasMessage("--steps needs a whole number, not '" + text + "'");
                assertThatThrownBy(() -> with("--seed", text).longOption("--seed")).as("'%s'", text)
                        .hasMessage("--seed needs a whole number, not '" + text + "'");
            }
        }
        for (String bad : NOT_NUMBERS) {
            assertThatThrownBy(() -> with("--steps", bad).intOption("--steps", 1)).as("'%s'", bad)
                    .hasMessage("--steps needs a whole number, not '" + bad + "'");
        }
        assertThatThrownBy(() -> with("--steps", "2147483648").intOption("--steps", 1))
                .hasMessage("--steps must be at most 2147483647, not 2147483648");
        assertThatThrownBy(() -> with("--steps", "9".repeat(40)).intOption("--steps", 1))
                .hasMessage("--steps must be at most 2147483647, not " + "9".repeat(40));
        assertThat(with("--steps", "2147483647").intOption("--steps", 1)).isEqualTo(Integer.MAX_VALUE);
        assertThat(with("--seed", "-9223372036854775808").longOption("--seed")).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> with("--seed", "9223372036854775808").longOption("--seed"))
                .hasMessage("--seed must be from -9223372036854775808 to 9223372036854775807, not 9223372036854775808");
    }

    @Test
    @DisplayName("a negative number is taken as an option's value, an unknown --word as an unknown option")
    void negativeValues() throws UsageException {
        assertThat(Arguments.parse("train", List.of("--seed", "-5"), OPTIONS, Set.of()).longOption("--seed")).isEqualTo(-5);
        assertThat(Arguments.parse("train", List.of("net", "-0.5e-3"), OPTIONS, Set.of()).positional())
                .containsExactly("net", "-0.5e-3");
        assertThatThrownBy(() -> Arguments.parse("train", List.of("-1f"), OPTIONS, Set.of()))
                .hasMessage("'train' has no option -1f (try: train --help)");
    }
}
