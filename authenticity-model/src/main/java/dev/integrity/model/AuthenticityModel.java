package dev.integrity.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trained authenticity model as stored in {@code model.json}: a logistic regression over
 * standardised features, or a random forest ({@link Forest}), with the threshold chosen at training time
 * and the held-out metrics. Loading and scoring need only Jackson; use {@link #scorer()} to score either kind.
 *
 * <p>Fields added after the first release ({@code forest}, {@code metricsAtBaseRate}, and in
 * {@code thresholdChoice} and {@code features} the base rate and importance) are optional when reading, so
 * older files still load. A forest is written as format {@value #FOREST_FORMAT}, so that code which knows
 * only the logistic format refuses it instead of scoring it as a logistic regression.
 *
 * @param format          the artefact format: {@value #FORMAT} (logistic regression) or {@value #FOREST_FORMAT} (forest)
 * @param id              {@code m-<yyyyMMddHHmmss>-<hash8>}: the training time (UTC) and a hash of the parameters
 * @param requiredColumns the CSV columns (profile fields or behaviour names) the features are computed from
 * @param intercept       the log-odds of "fake" when every feature is at its training mean; for a forest the log-odds
 *                        of its average root (the start of every explanation)
 * @param threshold       predict fake when the probability is at least this
 * @param metrics         on the held-out test split, at {@code threshold}
 * @param validationMetrics on the validation split the threshold was chosen on
 * @param metricsAtBaseRate the test split's metrics re-weighted to the base rate the threshold was chosen for;
 *                        null in models from before base rates
 * @param forest          the trees of a forest; null for a logistic regression
 */
@JsonPropertyOrder({"format", "id", "createdAt", "library", "algorithm", "requiredColumns", "features", "intercept",
        "threshold", "thresholdChoice", "training", "metrics", "metricsAtBaseRate", "validationMetrics", "forest"})
public record AuthenticityModel(
        int format,
        String id,
        Instant createdAt,
        String library,
        String algorithm,
        List<String> requiredColumns,
        List<ModelFeature> features,
        double intercept,
        double threshold,
        ThresholdChoice thresholdChoice,
        TrainingData training,
        Metrics metrics,
        Metrics validationMetrics,
        BaseRateMetrics metricsAtBaseRate,
        @JsonInclude(JsonInclude.Include.NON_NULL) Forest forest) {

    /** The format of a logistic regression's artefact. */
    public static final int FORMAT = 1;
    /** The format of a forest's artefact. */
    public static final int FOREST_FORMAT = 2;
    public static final String LOGISTIC = "logistic";
    public static final String FOREST = "forest";
    public static final String FILE_NAME = "model.json";
    public static final String DEFAULT_RESOURCE = "models/default";

    private static final Pattern MISSING_PROPERTY = Pattern.compile("Missing (?:required )?creator property '([^']+)'");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public AuthenticityModel {
        requiredColumns = List.copyOf(require(requiredColumns, "requiredColumns"));
        features = List.copyOf(require(features, "features"));
        require(id, "id");
        if (format != FORMAT && format != FOREST_FORMAT) {
            throw new ModelFormatException("unsupported model format " + format + " (this code reads formats " + FORMAT
                    + " and " + FOREST_FORMAT + ")");
        }
        if ((format == FOREST_FORMAT) != (forest != null)) {
            throw new ModelFormatException(forest != null ? "a forest must be format " + FOREST_FORMAT
                    : "format " + FOREST_FORMAT + " needs a forest");
        }
        if (features.isEmpty()) {
            throw new ModelFormatException("the model has no features");
        }
        Set<String> names = new HashSet<>();
        for (ModelFeature feature : features) {
            require(feature.name(), "feature name");
            if (!names.add(feature.name())) {
                throw new ModelFormatException("feature '" + feature.name() + "' appears twice");
            }
            if (!Double.isFinite(feature.mean()) || !Double.isFinite(feature.weight())
                    || !Double.isFinite(feature.std()) || feature.std() <= 0) {
                throw new ModelFormatException("feature '" + feature.name()
                        + "' needs a finite mean and weight and a positive std");
            }
        }
        if (!Double.isFinite(intercept)) {
            throw new ModelFormatException("intercept is not finite");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new ModelFormatException("threshold " + threshold + " is outside [0, 1]");
        }
        if (forest != null) {
            forest.checkFeatures(features.size());
        }
    }

    /** A logistic regression without base-rate metrics (the fields of the first format). */
    public AuthenticityModel(int format, String id, Instant createdAt, String library, String algorithm,
            List<String> requiredColumns, List<ModelFeature> features, double intercept, double threshold,
            ThresholdChoice thresholdChoice, TrainingData training, Metrics metrics, Metrics validationMetrics) {
        this(format, id, createdAt, library, algorithm, requiredColumns, features, intercept, threshold, thresholdChoice,
                training, metrics, validationMetrics, null, null);
    }

    /** {@value #LOGISTIC} or {@value #FOREST}. */
    @JsonIgnore
    public String kind() {
        return forest == null ? LOGISTIC : FOREST;
    }

    /**
     * The share of fakes the threshold was chosen for. Models from before base rates were recorded chose it
     * at the training data's share of fakes, which is returned for them; empty if that is unknown too.
     */
    @JsonIgnore
    public OptionalDouble baseRate() {
        if (thresholdChoice != null && thresholdChoice.baseRate() != null) {
            return OptionalDouble.of(thresholdChoice.baseRate());
        }
        if (training != null && training.rows() > 0) {
            return OptionalDouble.of(training.fakeRows() / (double) training.rows());
        }
        return OptionalDouble.empty();
    }

    /**
     * The precision expected at {@link #baseRate()}, from the validation split's rates (for models from before
     * base rates: the precision measured on validation); empty if unknown.
     */
    @JsonIgnore
    public OptionalDouble expectedPrecision() {
        if (thresholdChoice == null) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(thresholdChoice.expectedPrecision() != null ? thresholdChoice.expectedPrecision()
                : thresholdChoice.validationPrecision());
    }

    @JsonIgnore
    public List<String> featureNames() {
        return features.stream().map(ModelFeature::name).toList();
    }

    /** A new scorer over this model; it is immutable and thread-safe, so keep one and share it. */
    public Scorer scorer() {
        return new Scorer(this);
    }

    /** The same model with another threshold (the metrics are left as they were). */
    public AuthenticityModel withThreshold(double newThreshold) {
        return new AuthenticityModel(format, id, createdAt, library, algorithm, requiredColumns, features, intercept,
                newThreshold, thresholdChoice, training, metrics, validationMetrics, metricsAtBaseRate, forest);
    }

    /** Writes {@code dir/model.json}, creating {@code dir} if needed; returns the file. */
    public Path save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        Files.writeString(file, toJson() + "\n");
        return file;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the model as JSON", e);
        }
    }

    /** Loads a model from its directory, or from the {@code model.json} file itself. */
    public static AuthenticityModel load(Path dirOrFile) throws IOException {
        Path file = Files.isDirectory(dirOrFile) ? dirOrFile.resolve(FILE_NAME) : dirOrFile;
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException("no model at " + dirOrFile + " (expected a directory with " + FILE_NAME + ")");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        }
    }

    /** Loads a model from a class-path resource: a directory holding {@code model.json}, or the file itself. */
    public static AuthenticityModel loadFromClasspath(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        if (!path.endsWith(".json")) {
            path = (path.endsWith("/") ? path : path + "/") + FILE_NAME;
        }
        InputStream in = openResource(path);
        if (in == null) {
            throw new ModelFormatException("no model on the class path at " + path);
        }
        try (in) {
            return parse(in, "classpath:" + path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + path, e);
        }
    }

    /** The model shipped with this module (see the README for how it was trained). */
    public static AuthenticityModel loadDefault() {
        return loadFromClasspath(DEFAULT_RESOURCE);
    }

    public static AuthenticityModel fromJson(String json) {
        try {
            return bind(JSON.readTree(json), "JSON text");
        } catch (JsonProcessingException e) {
            throw invalid("JSON text", e);
        }
    }

    private static AuthenticityModel parse(InputStream in, String source) throws IOException {
        try {
            return bind(JSON.readTree(in), source);
        } catch (JsonProcessingException e) {
            throw invalid(source, e);
        }
    }

    /**
     * Binds a parsed file. Every field is required except those added after the first release, which are
     * set to null here when absent (the mapper refuses any other missing field).
     */
    private static AuthenticityModel bind(JsonNode tree, String source) throws JsonProcessingException {
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ModelFormatException(source + " is empty");
        }
        if (tree instanceof ObjectNode model) {
            fillAbsent(model, "metricsAtBaseRate", "forest");
            if (model.get("thresholdChoice") instanceof ObjectNode choice) {
                fillAbsent(choice, "validationFalsePositiveRate", "baseRate", "baseRateSource", "expectedPrecision",
                        "expectedPrecisionLowerBound");
            }
            if (model.get("features") instanceof ArrayNode features) {
                for (JsonNode feature : features) {
                    if (feature instanceof ObjectNode f) {
                        fillAbsent(f, "importance");
                    }
                }
            }
        }
        return JSON.treeToValue(tree, AuthenticityModel.class);
    }

    private static void fillAbsent(ObjectNode node, String... optionalFields) {
        for (String field : optionalFields) {
            if (!node.has(field)) {
                node.putNull(field);
            }
        }
    }

    private static ModelFormatException invalid(String source, JsonProcessingException e) {
        String reason;
        Matcher missing = MISSING_PROPERTY.matcher(e.getOriginalMessage());
        if (e instanceof ValueInstantiationException && e.getCause() instanceof ModelFormatException cause) {
            reason = cause.getMessage();
        } else if (missing.lookingAt()) {
            reason = "missing field '" + missing.group(1) + "'";
        } else {
            reason = e.getOriginalMessage();
        }
        return new ModelFormatException(source + " is not a valid model: " + reason, e);
    }

    private static InputStream openResource(String path) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream in = context == null ? null : context.getResourceAsStream(path);
        return in != null ? in : AuthenticityModel.class.getClassLoader().getResourceAsStream(path);
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new ModelFormatException(what + " is missing");
        }
        return value;
    }
}
