import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the suite's topics from topics.txt, idempotently (kafka-tools is not on Maven Central,
 * so the broker's own jars plus this single-file program do the job). Launched as
 * {@code java -cp 'libs/*' CreateTopics.java BOOTSTRAP topics.txt}.
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        List<NewTopic> wanted = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String content = line.replaceAll("#.*", "").trim();
            if (content.isEmpty()) continue;
            String[] f = content.split("\\s+");
            wanted.add(new NewTopic(f[0], Integer.parseInt(f[1]), (short) 1)
                    .configs(Map.of("retention.ms", f[2], "min.insync.replicas", "1")));
        }
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            System.out.println("topics: " + wanted.size() + " present, " + missing.size() + " created");
        }
    }
}
