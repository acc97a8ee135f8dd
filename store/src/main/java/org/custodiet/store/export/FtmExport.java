package org.custodiet.store.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.custodiet.core.index.ClaimView;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.Codes;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.Country;
import org.custodiet.core.model.EntityListing;
import org.custodiet.core.model.Financing;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.model.Technology;
import org.custodiet.core.rules.ClaimStatus;

/**
 * Writes the claims established as of the date as FollowTheMoney entities, one JSON object per line
 * ({@code {"id", "schema", "properties": {name: [values]}, "datasets"}}): governments as {@code
 * PublicBody}, suppliers and lenders as {@code Company}, supply claims as a {@code Contract} issued
 * by the government with a {@code ContractAward} to the supplier, loans as {@code Debt} and grants
 * as {@code Payment}. Every entity carries the addresses of the sources behind it. See
 * docs/exports.md for the mapping.
 */
public final class FtmExport {
  static final String DATASET = "custodiet";
  static final String ID_PREFIX = "custodiet-";

  private final ExportData data;
  private final KnowledgeBase kb;
  private final Map<String, Entity> governments = new TreeMap<>();
  private final Map<String, Entity> companies = new TreeMap<>();
  private final Map<String, Integer> counts = new TreeMap<>();

  private FtmExport(ExportData data) {
    this.data = data;
    this.kb = data.knowledgeBase();
  }

  /** Writes the entities; returns how many were written per schema. The stream is not closed. */
  public static Map<String, Integer> write(ExportData data, OutputStream out) throws IOException {
    return new FtmExport(data).writeAll(out);
  }

  private Map<String, Integer> writeAll(OutputStream out) throws IOException {
    JsonGenerator g = JsonExport.FACTORY.createGenerator(out, JsonEncoding.UTF8);
    g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
    try (Stream<ExportData.ClaimRecord> records = data.claimRecords()) {
      Iterator<ExportData.ClaimRecord> it = records.iterator();
      while (it.hasNext()) {
        ExportData.ClaimRecord r = it.next();
        if (r.status() == ClaimStatus.ESTABLISHED) {
          for (Entity e : entities(r)) {
            write(g, e);
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (Entity e : governments.values()) {
      write(g, e);
    }
    for (Entity e : companies.values()) {
      write(g, e);
    }
    if (!counts.isEmpty()) {
      g.writeRaw('\n');
    }
    g.close();
    return counts;
  }

  private List<Entity> entities(ExportData.ClaimRecord r) {
    Claim c = r.claim();
    return switch (c.kind()) {
      case USES -> List.of();
      case SUPPLIES -> supply(r, government(c.countryIso3(), r.known()));
      case FINANCES -> List.of(financing(r, government(c.countryIso3(), r.known())));
    };
  }

  private List<Entity> supply(ExportData.ClaimRecord r, Entity government) {
    Claim c = r.claim();
    String hash = hash(c.id());
    String supplierName =
        c.supplier().isNamedCompany()
            ? kb.companies().get(c.supplier().companyId()).name()
            : "a supplier from " + countryName(c.supplier().originIso3());
    Entity contract = new Entity(ID_PREFIX + "contract-" + hash, "Contract");
    String title = technologyLabel(c.technology()) + " for the government of " + countryName(c);
    if (c.city() != null) {
      title += " in " + c.city();
    }
    title += ", supplied by " + supplierName;
    contract.add("title", title);
    contract.add("name", title);
    contract.add("authority", government.id);
    contract.add("country", ftmCountry(c.countryIso3()));
    contract.add("keywords", c.technology());
    contract.add("summary", supplySummary(c, supplierName));
    contract.add("notes", provenanceNote(c));
    provenance(contract, r.known());
    if (!c.supplier().isNamedCompany()) {
      return List.of(contract);
    }
    Entity award = new Entity(ID_PREFIX + "award-" + hash, "ContractAward");
    award.add("contract", contract.id);
    award.add("supplier", company(c.supplier().companyId(), r.known()).id);
    award.add("status", Codes.of(c.stage()));
    award.add("startDate", date(c.period().from()));
    award.add("endDate", date(c.period().to()));
    award.add("recordId", c.id());
    award.add("summary", supplySummary(c, supplierName));
    provenance(award, r.known());
    return List.of(contract, award);
  }

  private String supplySummary(Claim c, String supplierName) {
    StringBuilder b =
        new StringBuilder(technologyLabel(c.technology()))
            .append(" supplied to ")
            .append(countryName(c))
            .append(" by ")
            .append(supplierName);
    if (c.agency() != null) {
      b.append(" for ").append(c.agency());
    }
    if (c.city() != null) {
      b.append(" in ").append(c.city());
    }
    return b.append("; stage: ").append(Codes.of(c.stage())).toString();
  }

  private Entity financing(ExportData.ClaimRecord r, Entity government) {
    Claim c = r.claim();
    Financing f = c.financing();
    Entity lender = company(c.lenderId(), r.known());
    boolean grant = f.instrument() == Financing.Instrument.GRANT;
    Entity e =
        grant
            ? new Entity(ID_PREFIX + "payment-" + hash(c.id()), "Payment")
            : new Entity(ID_PREFIX + "debt-" + hash(c.id()), "Debt");
    if (grant) {
      e.add("payer", lender.id);
      e.add("beneficiary", government.id);
    } else {
      e.add("debtor", government.id);
      e.add("creditor", lender.id);
    }
    if (f.amount() != null) {
      e.add("amount", f.amount().toPlainString());
      e.add("currency", f.currency());
    }
    e.add("startDate", date(c.period().from()));
    e.add("endDate", date(c.period().to()));
    e.add("recordId", c.id());
    StringBuilder summary =
        new StringBuilder(Codes.of(f.instrument()).replace('_', ' '))
            .append(" from ")
            .append(kb.companies().get(c.lenderId()).name())
            .append(" to the government of ")
            .append(countryName(c))
            .append(" for ")
            .append(midSentence(technologyLabel(c.technology())));
    if (c.supplier() != null && c.supplier().isNamedCompany()) {
      summary.append(" supplied by ").append(kb.companies().get(c.supplier().companyId()).name());
    }
    e.add(grant ? "purpose" : "summary", summary.toString());
    provenance(e, r.known());
    return e;
  }

  /** The government of a country as a public body, with the sources of every claim naming it. */
  private Entity government(String iso3, List<ClaimView.SourcedEvidence> known) {
    Entity e =
        governments.computeIfAbsent(
            iso3,
            k -> {
              Entity body =
                  new Entity(ID_PREFIX + "gov-" + k.toLowerCase(Locale.ROOT), "PublicBody");
              body.add("name", "Government of " + countryName(k));
              body.add("country", ftmCountry(k));
              body.add("jurisdiction", ftmCountry(k));
              return body;
            });
    provenance(e, known);
    return e;
  }

  private Entity company(String companyId, List<ClaimView.SourcedEvidence> known) {
    Entity e =
        companies.computeIfAbsent(
            companyId,
            k -> {
              Company company = kb.companies().get(k);
              Entity entity = new Entity(ID_PREFIX + "company-" + k, "Company");
              entity.add("name", company.name());
              company.aliases().stream()
                  .filter(a -> !a.equals(company.name()))
                  .forEach(a -> entity.add("alias", a));
              if (company.headquartersIso3() != null) {
                entity.add("country", ftmCountry(company.headquartersIso3()));
                entity.add("jurisdiction", ftmCountry(company.headquartersIso3()));
              }
              if (company.ownership() != Company.Ownership.UNKNOWN) {
                entity.add("classification", Codes.of(company.ownership()).replace('_', ' '));
              }
              for (EntityListing l : kb.listings()) {
                if (l.companyId().equals(k) && !l.listedOn().isAfter(data.asOf())) {
                  entity.add("program", l.list());
                  entity.add("sourceUrl", l.sourceUrl());
                }
              }
              return entity;
            });
    provenance(e, known);
    return e;
  }

  private static void provenance(Entity e, List<ClaimView.SourcedEvidence> known) {
    for (ClaimView.SourcedEvidence ev : known) {
      e.add("sourceUrl", ExportData.address(ev.source()));
      e.add("publisher", ev.source().publisher());
      LocalDate recorded = ev.evidence().recorded();
      if (e.retrievedAt == null || recorded.isAfter(e.retrievedAt)) {
        e.retrievedAt = recorded;
      }
    }
  }

  private String provenanceNote(Claim c) {
    return "custodiet claim "
        + c.id()
        + ", established as of "
        + data.asOf()
        + " under coding rules "
        + data.rulesVersion();
  }

  private String technologyLabel(String code) {
    Technology t = code == null ? null : kb.technologies().get(code);
    return t == null ? "AI surveillance technology" : t.label();
  }

  /** "Facial recognition" reads "facial recognition" mid-sentence; acronyms stay as they are. */
  private static String midSentence(String label) {
    return label.length() > 1
            && Character.isUpperCase(label.charAt(0))
            && Character.isLowerCase(label.charAt(1))
        ? Character.toLowerCase(label.charAt(0)) + label.substring(1)
        : label;
  }

  private String countryName(Claim c) {
    return countryName(c.countryIso3());
  }

  private String countryName(String iso3) {
    Country country = kb.countries().get(iso3);
    return country == null ? iso3 : country.name();
  }

  /** FtM countries are lower-case ISO 3166-1 alpha-2 codes; codes ISO lacks are left out. */
  private String ftmCountry(String iso3) {
    Country country = kb.countries().get(iso3);
    return country == null || country.iso2() == null || country.iso2().isBlank()
        ? null
        : country.iso2().toLowerCase(Locale.ROOT);
  }

  private static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }

  /** A stable id part for a claim: claim ids hold slashes and may be long. */
  static String hash(String claimId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(claimId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private void write(JsonGenerator g, Entity e) throws IOException {
    if (e.retrievedAt != null) {
      e.add("retrievedAt", e.retrievedAt.toString());
    }
    g.writeStartObject();
    g.writeStringField("id", e.id);
    g.writeStringField("schema", e.schema);
    g.writeObjectFieldStart("properties");
    for (Map.Entry<String, Set<String>> p : e.values.entrySet()) {
      g.writeArrayFieldStart(p.getKey());
      for (String v : p.getValue()) {
        g.writeString(v);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeArrayFieldStart("datasets");
    g.writeString(DATASET);
    g.writeEndArray();
    g.writeEndObject();
    counts.merge(e.schema, 1, Integer::sum);
  }

  /** One entity being built: properties by name, each a sorted set of values. */
  private static final class Entity {
    final String id;
    final String schema;
    final Map<String, Set<String>> values = new TreeMap<>();

    /** When the latest evidence behind the entity was recorded. */
    LocalDate retrievedAt;

    Entity(String id, String schema) {
      this.id = id;
      this.schema = schema;
    }

    void add(String property, String value) {
      if (value != null && !value.isBlank()) {
        values.computeIfAbsent(property, k -> new TreeSet<>()).add(value);
      }
    }
  }
}
