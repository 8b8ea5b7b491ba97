import java.text.BreakIterator;
import java.util.Locale;
import java.io.*;
public class Brk {
  public static void main(String[] a) throws Exception {
    BufferedReader r = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
    PrintStream o = new PrintStream(System.out, true, "UTF-8");
    Locale th = Locale.forLanguageTag("th");
    for (String line; (line = r.readLine()) != null; ) {
      BreakIterator b = BreakIterator.getWordInstance(th);
      b.setText(line);
      StringBuilder sb = new StringBuilder();
      for (int s = b.first(), e = b.next(); e != BreakIterator.DONE; s = e, e = b.next()) {
        if (sb.length() > 0) sb.append('|');
        sb.append(line, s, e);
      }
      o.println(sb);
    }
  }
}
