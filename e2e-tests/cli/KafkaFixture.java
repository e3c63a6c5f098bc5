import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the command-line test (suite-cli.test.sh) does to Kafka on its own, with the broker's jars
 * (java -cp '.suite/kafka/libs/*' KafkaFixture.java BOOTSTRAP COMMAND ARGS). Keys, values and
 * header values travel as hex, so that the test compares bytes.
 *
 * <pre>
 * create-topic TOPIC PARTITIONS             creates it unless it exists
 * delete-topic TOPIC | delete-group GROUP   removes it if it exists
 * produce TOPIC PARTITION|- KEY_HEX VALUE_HEX [NAME=HEX]...  prints "PARTITION OFFSET" ("-": the key decides)
 * fill TOPIC PARTITION N                   N small records
 * end TOPIC PARTITION                       prints the log-end offset
 * commit GROUP TOPIC PARTITION OFFSET       sets the group's committed offset
 * read TOPIC PARTITION FROM                 prints "OFFSET KEY_HEX VALUE_HEX NAME=HEX,..." up to the end
 * </pre>
 */
public class KafkaFixture {

    private static final HexFormat HEX = HexFormat.of();

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String command = args[1];
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        try (Admin admin = Admin.create(props)) {
            switch (command) {
                case "create-topic" -> {
                    try {
                        admin.createTopics(List.of(new NewTopic(args[2], Integer.parseInt(args[3]), (short) 1))).all().get(30, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                    // A new topic's partitions take a moment to have a leader.
                    for (int i = 0; i < 100 && !admin.describeTopics(List.of(args[2])).allTopicNames().get(30, TimeUnit.SECONDS).get(args[2])
                            .partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()); i++) {
                        Thread.sleep(100);
                    }
                }
                case "delete-topic" -> ignoreMissing(() -> admin.deleteTopics(List.of(args[2])).all().get(30, TimeUnit.SECONDS));
                case "delete-group" -> ignoreMissing(() -> admin.deleteConsumerGroups(List.of(args[2])).all().get(30, TimeUnit.SECONDS));
                case "produce" -> {
                    try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
                        produce(producer, args);
                    }
                }
                case "fill" -> {
                    try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
                        for (int i = 0; i < Integer.parseInt(args[4]); i++) {
                            produce(producer, new String[] {bootstrap, "produce", args[2], args[3], HEX.formatHex(("k" + i).getBytes()),
                                    HEX.formatHex(("v" + i).getBytes())});
                        }
                    }
                }
                case "end" -> {
                    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
                        TopicPartition tp = new TopicPartition(args[2], Integer.parseInt(args[3]));
                        System.out.println(consumer.endOffsets(List.of(tp), Duration.ofSeconds(20)).get(tp));
                    }
                }
                case "commit" -> admin.alterConsumerGroupOffsets(args[2],
                        Map.of(new TopicPartition(args[3], Integer.parseInt(args[4])), new OffsetAndMetadata(Long.parseLong(args[5]))))
                        .all().get(30, TimeUnit.SECONDS);
                case "read" -> read(bootstrap, args[2], Integer.parseInt(args[3]), Long.parseLong(args[4]));
                default -> throw new IllegalArgumentException("unknown command " + command);
            }
        }
    }

    interface Call {
        void run() throws Exception;
    }

    private static void ignoreMissing(Call call) throws Exception {
        try {
            call.run();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException) && !(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The record of a produce command line (TOPIC PARTITION|- KEY_HEX VALUE_HEX [NAME=HEX]... from args[2]); prints "PARTITION OFFSET". */
    private static void produce(KafkaProducer<byte[], byte[]> producer, String[] args) throws Exception {
        Integer partition = args[3].equals("-") ? null : Integer.valueOf(args[3]);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(args[2], partition, HEX.parseHex(args[4]), HEX.parseHex(args[5]));
        for (int i = 6; i < args.length; i++) {
            String[] header = args[i].split("=", 2);
            record.headers().add(header[0], HEX.parseHex(header[1]));
        }
        RecordMetadata sent = producer.send(record).get(30, TimeUnit.SECONDS);
        System.out.println(sent.partition() + " " + sent.offset());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static void read(String bootstrap, String topic, int partition, long from) {
        TopicPartition tp = new TopicPartition(topic, partition);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            consumer.assign(Set.of(tp));
            long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(20)).get(tp);
            consumer.seek(tp, from);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (consumer.position(tp) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() >= end) {
                        continue;
                    }
                    List<String> headers = new ArrayList<>();
                    for (Header h : r.headers()) {
                        headers.add(h.key() + "=" + (h.value() == null ? "" : HEX.formatHex(h.value())));
                    }
                    System.out.println(r.offset() + " " + (r.key() == null ? "-" : HEX.formatHex(r.key())) + " "
                            + (r.value() == null ? "-" : HEX.formatHex(r.value())) + " " + String.join(",", headers));
                }
            }
        }
    }
}
