import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the platform's topics if they are missing (run by deploy/local/up with the broker's
 * classpath). Six partitions: events are keyed by org number, so ordering per enterprise holds, and
 * six lets consumer groups scale to six instances without a re-partitioning.
 */
public class CreateTopics {
  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", args[0]);
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = List.of("ia.agreement-events-v1", "ia.delivery-events-v1").stream()
          .filter(t -> !existing.contains(t))
          .map(t -> new NewTopic(t, 6, (short) 1))
          .toList();
      admin.createTopics(missing).all().get();
      System.out.println("topics ready: ia.agreement-events-v1, ia.delivery-events-v1");
    }
  }
}
