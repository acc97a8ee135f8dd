package org.custodiet.store.release;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.Country;
import org.custodiet.core.model.CuratorFlag;
import org.custodiet.core.model.EntityListing;
import org.custodiet.core.model.Evidence;
import org.custodiet.core.model.Indicator;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.PublishedFigure;
import org.custodiet.core.model.Source;
import org.custodiet.core.model.Technology;

/**
 * A whole knowledge base as gzipped JSON, so that a release keeps everything its exports and
 * figures are computed from. Records are written by their components only and read back through
 * their constructors, which check them again.
 */
final class KnowledgeBaseJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
          .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .addModule(dates())
          .build();

  private KnowledgeBaseJson() {}

  /** The parts of a knowledge base, in the shape it is stored. */
  record Document(
      List<Country> countries,
      List<Company> companies,
      List<Technology> technologies,
      List<Source> sources,
      List<Claim> claims,
      List<Evidence> evidence,
      List<CuratorFlag> flags,
      List<Indicator> indicators,
      List<EntityListing> listings,
      List<PublishedFigure> publishedFigures) {}

  static byte[] write(KnowledgeBase kb) {
    Document doc =
        new Document(
            List.copyOf(kb.countries().values()),
            List.copyOf(kb.companies().values()),
            List.copyOf(kb.technologies().values()),
            List.copyOf(kb.sources().values()),
            List.copyOf(kb.claims().values()),
            kb.evidence(),
            kb.flags(),
            kb.indicators(),
            kb.listings(),
            kb.publishedFigures());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      MAPPER.writeValue(gzip, doc);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the release snapshot", e);
    }
    return bytes.toByteArray();
  }

  static KnowledgeBase read(byte[] gzipped) {
    Document doc;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      doc = MAPPER.readValue(in, Document.class);
    } catch (IOException e) {
      throw new UncheckedIOException("the release snapshot is unreadable: " + e.getMessage(), e);
    }
    return new KnowledgeBase(
        doc.countries(),
        doc.companies(),
        doc.technologies(),
        doc.sources(),
        doc.claims(),
        doc.evidence(),
        doc.flags(),
        doc.indicators(),
        doc.listings(),
        doc.publishedFigures());
  }

  private static SimpleModule dates() {
    SimpleModule module = new SimpleModule("iso-dates");
    module.addSerializer(
        LocalDate.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider provider)
              throws IOException {
            gen.writeString(value.toString());
          }
        });
    module.addDeserializer(
        LocalDate.class,
        new JsonDeserializer<>() {
          @Override
          public LocalDate deserialize(JsonParser p, DeserializationContext ctx)
              throws IOException {
            return LocalDate.parse(p.getValueAsString());
          }
        });
    return module;
  }
}
