package dev.veto.plugins.semantic;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
public class GT2 {
  public static void main(String[] a) throws Exception {
    List<Glossary> gs = new ArrayList<>();
    String dir = "pl/classes/dev/veto/plugins/semantic/gloss/";
    for (String l : "ar bn de es fr it jv ko sw vi zh".split(" "))
      gs.add(Glossary.read(l, new InputStreamReader(new FileInputStream(dir + l + ".tsv"), StandardCharsets.UTF_8), l));
    gs.add(Glossary.read("th", new InputStreamReader(new FileInputStream(a[0]), StandardCharsets.UTF_8), a[0]));
    Set<String> en = new HashSet<>();
    for (String l : Files.readAllLines(Path.of(dir + "english.txt"))) if (!l.startsWith("#") && !l.isBlank()) en.add(l.strip());
    Glosser gl = new Glosser(gs, en, 0.6, 5);
    BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream o = new PrintStream(System.out, true, "UTF-8");
    for (String line; (line = r.readLine()) != null; ) {
      line = java.text.Normalizer.normalize(line, java.text.Normalizer.Form.NFKC);
      Glosser.Reading rd = gl.reading(line, "und");
      o.println(line + "\t" + rd.english() + "\t" + rd.gloss().map(x -> x.language() + String.format(" %.2f\t%s", x.coverage(), x.text())).orElse("-\tNO GLOSS"));
    }
  }
}
