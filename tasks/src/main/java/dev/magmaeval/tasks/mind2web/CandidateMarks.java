package dev.magmaeval.tasks.mind2web;

import dev.magmaeval.tasks.som.Box;
import dev.magmaeval.tasks.som.Mark;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Set-of-Mark candidates of a Mind2Web step: the gold element plus the first {@value #NEGATIVES} negative
 * candidates, in the dataset's order, whose box is rendered and whose centre lies in the viewport (Magma marks 30
 * candidates, paper §B.2.1; the dataset carries no ranker scores, so its order stands in for the ranking). Boxes
 * covering the same pixels as one already taken are skipped. Marks are numbered from 1 in reading order (top to
 * bottom, then left to right), so the gold element's number says nothing about it being gold; boxes are in viewport
 * pixels, clipped to it.
 */
public final class CandidateMarks {
  public static final int NEGATIVES = 29;

  private CandidateMarks() {}

  public static List<Mark> of(Mind2WebStep step, List<Object> negatives, Viewport viewport, String where) {
    List<Box> taken = new ArrayList<>();
    List<Rectangle> seen = new ArrayList<>();
    add(step.target(), viewport, taken, seen);
    int found = 0;
    if (negatives != null) {
      for (int i = 0; i < negatives.size() && found < NEGATIVES; i++) {
        Candidate c = Candidate.parse(String.valueOf(negatives.get(i)), where + " column 'neg_candidates'[" + i + "]");
        if (c.rect() != null && viewport.containsCentreOf(c.rect()) && add(c.rect(), viewport, taken, seen)) found++;
      }
    }
    List<Box> ordered = new ArrayList<>(taken);
    ordered.sort(Comparator.comparingLong((Box b) -> Math.round(b.y1())).thenComparingLong(b -> Math.round(b.x1())));
    List<Mark> marks = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) marks.add(new Mark(i + 1, ordered.get(i)));
    return marks;
  }

  private static boolean add(Box page, Viewport viewport, List<Box> taken, List<Rectangle> seen) {
    Box box = viewport.fromPage(page).clip(viewport.width(), viewport.height());
    if (box.width() <= 0 || box.height() <= 0) return false;
    Rectangle px = new Rectangle((int) Math.round(box.x1()), (int) Math.round(box.y1()),
        (int) Math.round(box.x2()) - (int) Math.round(box.x1()), (int) Math.round(box.y2()) - (int) Math.round(box.y1()));
    if (seen.contains(px)) return false;
    seen.add(px);
    taken.add(box);
    return true;
  }
}
