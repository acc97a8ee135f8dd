package org.custodiet.store.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.custodiet.core.index.IndexEngine;
import org.custodiet.core.index.IndexQuery;
import org.custodiet.core.model.Claim;
import org.custodiet.core.model.ClaimKind;
import org.custodiet.core.model.Financing;
import org.custodiet.core.model.KnowledgeBase;
import org.custodiet.core.rules.ClaimStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The FollowTheMoney export checked against the FtM model's schemata and against the engine. */
class FtmExportTest {
  /** Properties of the FtM schemata (followthemoney/schema/*.yaml), inheritance included. */
  static final Set<String> THING =
      Set.of(
          "name",
          "alias",
          "previousName",
          "weakAlias",
          "country",
          "summary",
          "notes",
          "description",
          "sourceUrl",
          "publisher",
          "publisherUrl",
          "alephUrl",
          "wikipediaUrl",
          "wikidataId",
          "keywords",
          "topics",
          "address",
          "addressEntity",
          "program",
          "programId",
          "proof",
          "indexText",
          "createdAt",
          "modifiedAt",
          "retrievedAt");

  static final Set<String> LEGAL_ENTITY =
      union(
          THING,
          Set.of(
              "email",
              "phone",
              "website",
              "legalForm",
              "incorporationDate",
              "dissolutionDate",
              "taxStatus",
              "status",
              "sector",
              "classification",
              "registrationNumber",
              "idNumber",
              "taxNumber",
              "licenseNumber",
              "vatCode",
              "jurisdiction",
              "mainCountry",
              "opencorporatesUrl",
              "bvdId",
              "uscCode",
              "icijId",
              "okpoCode",
              "innCode",
              "ogrnCode",
              "leiCode",
              "dunsCode",
              "uniqueEntityId",
              "npiCode",
              "swiftBic",
              "parent"));
  static final Set<String> ORGANIZATION =
      union(LEGAL_ENTITY, Set.of("cageCode", "permId", "imoNumber", "giiNumber"));
  static final Set<String> VALUE = Set.of("amount", "currency", "amountUsd", "amountEur");
  static final Set<String> INTERVAL =
      Set.of(
          "startDate",
          "endDate",
          "date",
          "summary",
          "description",
          "recordId",
          "sourceUrl",
          "proof",
          "publisher",
          "publisherUrl",
          "alephUrl",
          "namesMentioned",
          "indexText",
          "modifiedAt",
          "retrievedAt");
  static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "PublicBody",
          ORGANIZATION,
          "Company",
          union(ORGANIZATION, VALUE, Set.of("capital", "ticker", "irsCode", "cikCode")),
          "Contract",
          union(
              THING,
              VALUE,
              Set.of(
                  "title",
                  "authority",
                  "project",
                  "type",
                  "contractDate",
                  "procedureNumber",
                  "procedure",
                  "noticeId",
                  "numberAwards",
                  "status",
                  "method",
                  "criteria",
                  "classification",
                  "cancelled",
                  "language")),
          "ContractAward",
          union(
              INTERVAL,
              VALUE,
              Set.of(
                  "role",
                  "status",
                  "supplier",
                  "contract",
                  "callForTenders",
                  "lotNumber",
                  "documentNumber",
                  "documentType",
                  "decisionReason",
                  "cpvCode",
                  "nutsCode",
                  "amended")),
          "Debt",
          union(INTERVAL, VALUE, Set.of("debtor", "creditor")),
          "Payment",
          union(
              INTERVAL,
              VALUE,
              Set.of(
                  "sequenceNumber",
                  "transactionNumber",
                  "purpose",
                  "programme",
                  "payer",
                  "payerAccount",
                  "beneficiary",
                  "beneficiaryAccount",
                  "contract",
                  "project")));
  static final Map<String, List<String>> REQUIRED =
      Map.of(
          "PublicBody", List.of("name"),
          "Company", List.of("name"),
          "Contract", List.of("title"),
          "ContractAward", List.of("supplier", "contract"),
          "Debt", List.of("debtor"),
          "Payment", List.of("payer", "beneficiary"));

  /** Entity-typed properties and the schemata they may point to. */
  static final Map<String, Set<String>> REFERENCES =
      Map.of(
          "authority", Set.of("PublicBody"),
          "supplier", Set.of("Company"),
          "contract", Set.of("Contract"),
          "debtor", Set.of("PublicBody"),
          "creditor", Set.of("Company", "PublicBody"),
          "payer", Set.of("Company", "PublicBody"),
          "beneficiary", Set.of("PublicBody"));

  static final Set<String> DATES = Set.of("startDate", "endDate", "retrievedAt", "date");

  static KnowledgeBase kb;
  static IndexEngine engine;

  @SafeVarargs
  static Set<String> union(Set<String>... sets) {
    return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
  }

  @BeforeAll
  static void load() throws Exception {
    kb = SeededData.seed();
    engine = new IndexEngine(kb);
  }

  static List<JsonNode> entities(IndexQuery q) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FtmExport.write(new ExportData(engine, q), out);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n");
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> result = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        result.add(mapper.readTree(line));
      }
    }
    return result;
  }

  static List<String> values(JsonNode entity, String property) {
    List<String> values = new ArrayList<>();
    JsonNode p = entity.get("properties").get(property);
    if (p != null) {
      p.forEach(v -> values.add(v.asText()));
    }
    return values;
  }

  @Test
  void everyEntityFollowsTheModelAndEveryReferenceResolves() throws Exception {
    for (IndexQuery q :
        List.of(
            IndexQuery.living(LocalDate.of(2026, 11, 27)),
            IndexQuery.singleSource(LocalDate.of(2023, 1, 1), "aigs-2022"))) {
      List<JsonNode> entities = entities(q);
      assertThat(entities).isNotEmpty();
      Map<String, String> schemaById = new HashMap<>();
      for (JsonNode e : entities) {
        assertThat(e.fieldNames())
            .toIterable()
            .containsExactly("id", "schema", "properties", "datasets");
        String id = e.get("id").asText();
        assertThat(id).startsWith("custodiet-").matches("[a-z0-9-]+");
        assertThat(schemaById.put(id, e.get("schema").asText())).as("duplicate id %s", id).isNull();
        assertThat(values(e, "sourceUrl")).as("%s has sources", id).isNotEmpty();
      }
      for (JsonNode e : entities) {
        String schema = e.get("schema").asText();
        assertThat(ALLOWED).as("schema of %s", e.get("id")).containsKey(schema);
        e.get("properties")
            .fields()
            .forEachRemaining(
                p -> {
                  assertThat(ALLOWED.get(schema)).as(schema).contains(p.getKey());
                  assertThat(p.getValue().isArray()).isTrue();
                  assertThat(p.getValue()).as(p.getKey()).isNotEmpty();
                  p.getValue().forEach(v -> assertThat(v.isTextual()).isTrue());
                });
        for (String required : REQUIRED.get(schema)) {
          assertThat(values(e, required)).as("%s %s", schema, required).isNotEmpty();
        }
        for (Map.Entry<String, Set<String>> ref : REFERENCES.entrySet()) {
          for (String target : values(e, ref.getKey())) {
            assertThat(schemaById).as("%s -> %s", ref.getKey(), target).containsKey(target);
            assertThat(ref.getValue()).contains(schemaById.get(target));
          }
        }
        for (String country :
            union(Set.copyOf(values(e, "country")), Set.copyOf(values(e, "jurisdiction")))) {
          assertThat(country).matches("[a-z]{2}");
        }
        for (String dateProperty : DATES) {
          values(e, dateProperty).forEach(d -> LocalDate.parse(d));
        }
        values(e, "sourceUrl").forEach(u -> assertThat(u).startsWith("https://"));
        values(e, "amount").forEach(a -> new java.math.BigDecimal(a));
        assertThat(e.get("datasets").get(0).asText()).isEqualTo("custodiet");
      }
    }
  }

  @Test
  void establishedSupplyAndFinanceClaimsBecomeContractsAwardsDebtsAndPayments() throws Exception {
    IndexQuery q = IndexQuery.living(LocalDate.of(2026, 11, 27));
    List<JsonNode> entities = entities(q);
    Map<String, List<JsonNode>> bySchema = new HashMap<>();
    entities.forEach(
        e -> bySchema.computeIfAbsent(e.get("schema").asText(), k -> new ArrayList<>()).add(e));
    int contracts = 0;
    int awards = 0;
    int debts = 0;
    int payments = 0;
    Set<String> governments = new HashSet<>();
    for (Claim c : kb.claims().values()) {
      if (engine.status(c.id(), q) != ClaimStatus.ESTABLISHED) {
        continue;
      }
      if (c.kind() != ClaimKind.USES) {
        governments.add("custodiet-gov-" + c.countryIso3().toLowerCase());
      }
      if (c.kind() == ClaimKind.SUPPLIES) {
        contracts++;
        awards += c.supplier().isNamedCompany() ? 1 : 0;
      } else if (c.kind() == ClaimKind.FINANCES) {
        if (c.financing().instrument() == Financing.Instrument.GRANT) {
          payments++;
        } else {
          debts++;
        }
      }
    }
    assertThat(bySchema.get("Contract")).hasSize(contracts);
    assertThat(bySchema.get("ContractAward")).hasSize(awards);
    assertThat(bySchema.getOrDefault("Debt", List.of())).hasSize(debts);
    assertThat(bySchema.getOrDefault("Payment", List.of())).hasSize(payments);
    assertThat(debts + payments).isPositive();
    assertThat(bySchema.get("PublicBody").stream().map(e -> e.get("id").asText()))
        .containsExactlyInAnyOrderElementsOf(governments);

    Set<String> awardedClaims = new HashSet<>();
    bySchema.get("ContractAward").forEach(a -> awardedClaims.addAll(values(a, "recordId")));
    assertThat(awardedClaims).hasSize(awards);
    for (String claimId : awardedClaims) {
      assertThat(engine.status(claimId, q)).isEqualTo(ClaimStatus.ESTABLISHED);
    }
    JsonNode huawei =
        bySchema.get("Company").stream()
            .filter(e -> e.get("id").asText().equals("custodiet-company-huawei"))
            .findFirst()
            .orElseThrow();
    assertThat(values(huawei, "name")).containsExactly("Huawei");
    assertThat(values(huawei, "country")).containsExactly("cn");
    assertThat(values(huawei, "sourceUrl")).hasSizeGreaterThan(1);
    for (JsonNode debt : bySchema.get("Debt")) {
      Claim c = kb.claims().get(values(debt, "recordId").get(0));
      assertThat(values(debt, "creditor")).containsExactly("custodiet-company-" + c.lenderId());
      if (c.financing().amount() != null) {
        assertThat(new java.math.BigDecimal(values(debt, "amount").get(0)))
            .isEqualByComparingTo(c.financing().amount());
        assertThat(values(debt, "currency")).containsExactly(c.financing().currency());
      }
    }
  }

  @Test
  void idsAreStableAcrossDatesAndOnlyEstablishedClaimsAppear() throws Exception {
    List<JsonNode> early = entities(IndexQuery.living(LocalDate.of(2019, 1, 1)));
    List<JsonNode> late = entities(IndexQuery.living(LocalDate.of(2026, 11, 27)));
    Set<String> lateIds = new HashSet<>();
    late.forEach(e -> lateIds.add(e.get("id").asText()));
    assertThat(early.size()).isLessThan(late.size());
    for (JsonNode e : early) {
      if (e.get("schema").asText().equals("Contract")) {
        assertThat(lateIds).contains(e.get("id").asText());
      }
    }
    assertThat(FtmExport.hash("dep/huawei/KEN/smart_city/nairobi"))
        .isEqualTo(FtmExport.hash("dep/huawei/KEN/smart_city/nairobi"))
        .isNotEqualTo(FtmExport.hash("dep/huawei/KEN/smart_city/mombasa"))
        .hasSize(20);
  }
}
