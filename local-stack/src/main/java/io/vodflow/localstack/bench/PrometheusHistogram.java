package io.vodflow.localstack.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cumulative bucket counts of one Prometheus histogram, scraped from a service; quantiles from the difference of two scrapes. */
record PrometheusHistogram(TreeMap<Double, Double> buckets) {

    /** The {@code <name>_bucket} series (seconds) of an exposition fetched with {@link PrometheusText#fetch}. */
    static PrometheusHistogram of(String text, String name) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "_bucket\\{.*?le=\"([^\"]+)\".*?} ([0-9.eE+-]+)$", Pattern.MULTILINE);
        TreeMap<Double, Double> buckets = new TreeMap<>();
        Matcher m = line.matcher(text);
        while (m.find()) {
            double le = m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
            buckets.merge(le, Double.parseDouble(m.group(2)), Double::sum);
        }
        return new PrometheusHistogram(buckets);
    }

    /** The observations of histogram {@code name} made between two expositions of the same service. */
    static PrometheusHistogram between(String before, String after, String name) {
        return of(after, name).since(of(before, name));
    }

    /** The observations made between {@code earlier} and this scrape. */
    PrometheusHistogram since(PrometheusHistogram earlier) {
        TreeMap<Double, Double> diff = new TreeMap<>();
        buckets.forEach((le, count) -> diff.put(le, count - earlier.buckets.getOrDefault(le, 0.0)));
        return new PrometheusHistogram(diff);
    }

    double count() {
        return buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
    }

    /** The q-quantile in milliseconds, linearly interpolated inside its bucket. */
    double quantileMillis(double q) {
        double target = q * count();
        double prevLe = 0;
        double prevCount = 0;
        for (Map.Entry<Double, Double> e : buckets.entrySet()) {
            if (e.getValue() >= target) {
                if (e.getKey().isInfinite()) {
                    return prevLe * 1000;
                }
                double inBucket = e.getValue() - prevCount;
                double fraction = inBucket == 0 ? 1 : (target - prevCount) / inBucket;
                return (prevLe + (e.getKey() - prevLe) * fraction) * 1000;
            }
            prevLe = e.getKey();
            prevCount = e.getValue();
        }
        return Double.NaN;
    }
}
