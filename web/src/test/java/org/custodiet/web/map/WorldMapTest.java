package org.custodiet.web.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WorldMapTest {
  private static final Pattern POINT = Pattern.compile("([ML])(-?[0-9.]+),(-?[0-9.]+)");

  @Test
  void equalEarthIsSymmetricAndKeepsTheOrigin() {
    assertThat(EqualEarth.project(0, 0)).containsExactly(0.0, 0.0);
    double[] east = EqualEarth.project(120, 40);
    double[] west = EqualEarth.project(-120, -40);
    assertThat(west[0]).isEqualTo(-east[0]);
    assertThat(west[1]).isEqualTo(-east[1]);
    // The whole world is about 2.05 times as wide as it is high in Equal Earth.
    assertThat(EqualEarth.project(180, 0)[0] / EqualEarth.project(0, 90)[1])
        .isCloseTo(2.05, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void everyOutlineIsACountryWithItsCode() {
    WorldMap map = WorldMap.get();
    Map<String, String> byName =
        map.shapes().stream()
            .filter(s -> s.iso3() != null)
            .collect(Collectors.toMap(WorldMap.Shape::name, WorldMap.Shape::iso3));
    assertThat(byName)
        .containsEntry("Kenya", "KEN")
        .containsEntry("China", "CHN")
        .containsEntry("Kosovo", "XKX")
        .containsEntry("Somaliland", "XSL");
    assertThat(map.shapes().stream().filter(s -> s.iso3() == null).map(WorldMap.Shape::name))
        .containsExactly("N. Cyprus");
    assertThat(map.shapes()).noneMatch(s -> "Antarctica".equals(s.name()));
    assertThat(map.shapes()).hasSize(176);
  }

  @Test
  void noRingStretchesAcrossTheMap() {
    WorldMap map = WorldMap.get();
    double width = Double.parseDouble(map.viewBox().split(" ")[2]);
    for (WorldMap.Shape shape : map.shapes()) {
      List<double[]> points = new ArrayList<>();
      Matcher m = POINT.matcher(shape.path());
      while (m.find()) {
        double[] p = {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))};
        if (m.group(1).equals("L")) {
          double[] previous = points.get(points.size() - 1);
          assertThat(Math.abs(p[0] - previous[0]))
              .as("a segment of " + shape.name())
              .isLessThan(width / 4);
        }
        points.add(p);
      }
      assertThat(points).as(shape.name()).isNotEmpty();
    }
  }

  @Test
  void kenyaSitsEastOfTheMiddleNearTheEquator() {
    WorldMap map = WorldMap.get();
    String[] box = map.viewBox().split(" ");
    double width = Double.parseDouble(box[2]);
    double height = Double.parseDouble(box[3]);
    WorldMap.Shape kenya =
        map.shapes().stream().filter(s -> "KEN".equals(s.iso3())).findFirst().orElseThrow();
    Matcher m = POINT.matcher(kenya.path());
    assertThat(m.find()).isTrue();
    double x = Double.parseDouble(m.group(2));
    double y = Double.parseDouble(m.group(3));
    assertThat(x).isBetween(width * 0.55, width * 0.65);
    assertThat(y).isBetween(height * 0.5, height * 0.75);
  }
}
