package dev.integrity.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trained authenticity model as stored in {@code model.json}: a logistic regression over
 * standardised features, with the threshold chosen at training time and the held-out metrics.
 * Loading and scoring need only Jackson; use {@link #scorer()} to score.
 *
 * @param format          the artefact format, {@value #FORMAT}
 * @param id              {@code m-<yyyyMMddHHmmss>-<hash8>}: the training time (UTC) and a hash of the parameters
 * @param requiredColumns the CSV columns (profile fields or behaviour names) the features are computed from
 * @param intercept       the log-odds of "fake" when every feature is at its training mean
 * @param threshold       predict fake when the probability is at least this
 * @param metrics         on the held-out test split, at {@code threshold}
 * @param validationMetrics on the validation split the threshold was chosen on
 */
@JsonPropertyOrder({"format", "id", "createdAt", "library", "algorithm", "requiredColumns", "features", "intercept",
        "threshold", "thresholdChoice", "training", "metrics", "validationMetrics"})
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
        Metrics validationMetrics) {

    public static final int FORMAT = 1;
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
        if (format != FORMAT) {
            throw new ModelFormatException("unsupported model format " + format + " (this code reads format " + FORMAT + ")");
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
                newThreshold, thresholdChoice, training, metrics, validationMetrics);
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
            return JSON.readValue(json, AuthenticityModel.class);
        } catch (JsonProcessingException e) {
            throw invalid("JSON text", e);
        }
    }

    private static AuthenticityModel parse(InputStream in, String source) throws IOException {
        try {
            AuthenticityModel model = JSON.readValue(in, AuthenticityModel.class);
            if (model == null) {
                throw new ModelFormatException(source + " is empty");
            }
            return model;
        } catch (JsonProcessingException e) {
            throw invalid(source, e);
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
