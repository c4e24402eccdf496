package dev.magmaeval.reports.gate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JUnit XML (the Ant/Surefire schema that CI systems display): one {@code <testsuite>} per task, one
 * {@code <testcase>} per metric; a regression is a {@code <failure>}, an ignored or optional metric {@code <skipped>}.
 */
public final class GateJUnit {

  private GateJUnit() {}

  public static void write(GateResult r, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      Transformer t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.INDENT, "yes");
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.transform(new DOMSource(document(r)), new StreamResult(out));
    } catch (TransformerException | ParserConfigurationException e) {
      throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static Document document(GateResult r) throws ParserConfigurationException {
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
    Element suites = doc.createElement("testsuites");
    suites.setAttribute("name", "eval gate");
    suites.setAttribute("tests", String.valueOf(r.checks().size()));
    suites.setAttribute("failures", String.valueOf(r.failures()));
    doc.appendChild(suites);
    Map<String, Element> byTask = new LinkedHashMap<>();
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (Check c : r.checks()) {
      Element suite = byTask.computeIfAbsent(c.task(), task -> {
        Element s = doc.createElement("testsuite");
        s.setAttribute("name", "gate." + task);
        suites.appendChild(s);
        return s;
      });
      int[] n = counts.computeIfAbsent(c.task(), task -> new int[3]);
      n[0]++;
      Element test = doc.createElement("testcase");
      test.setAttribute("classname", "gate." + c.task());
      test.setAttribute("name", c.key().key());
      test.setAttribute("time", "0");
      if (c.status() == Check.Status.FAIL) {
        n[1]++;
        Element failure = doc.createElement("failure");
        failure.setAttribute("type", c.now() == null ? "missing" : "regression");
        failure.setAttribute("message", c.reason());
        failure.setTextContent(detail(c));
        test.appendChild(failure);
      } else if (c.status() == Check.Status.SKIP) {
        n[2]++;
        Element skipped = doc.createElement("skipped");
        skipped.setAttribute("message", c.reason());
        test.appendChild(skipped);
      }
      Element out = doc.createElement("system-out");
      out.setTextContent(detail(c));
      test.appendChild(out);
      suite.appendChild(test);
    }
    byTask.forEach((task, suite) -> {
      int[] n = counts.get(task);
      suite.setAttribute("tests", String.valueOf(n[0]));
      suite.setAttribute("failures", String.valueOf(n[1]));
      suite.setAttribute("errors", "0");
      suite.setAttribute("skipped", String.valueOf(n[2]));
    });
    return doc;
  }

  private static String detail(Check c) {
    StringBuilder b = new StringBuilder();
    b.append(c.task()).append(' ').append(c.key().key()).append(": baseline ")
        .append(c.baseline() == null ? "-" : c.baseline().text()).append(", run ")
        .append(c.now() == null ? "missing" : c.now().text());
    if (!Double.isNaN(c.drop())) {
      b.append(String.format(Locale.ROOT, ", drop %.6g, allowed %.6g", c.drop(), c.allowed()));
    }
    if (c.significance() != null) {
      b.append(", ").append(c.significance().test()).append(" (").append(c.significance().detail()).append(")");
      if (c.significance().tested()) {
        b.append(" p=").append(GateEvaluator.pValue(c.significance().pValue()));
      }
    }
    b.append(", policy ").append(c.policy().rule()).append(": ").append(c.reason());
    return b.toString();
  }
}
