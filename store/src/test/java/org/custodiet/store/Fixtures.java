package org.custodiet.store;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/** Tiny seed and import files written by the tests themselves. */
final class Fixtures {
  private Fixtures() {}

  static final String CLAIM_HEADER =
      "id,kind,country_iso3,technology,supplier_company_id,supplier_origin_iso3,lender_id,"
          + "instrument,amount,currency,city,agency,stage,observed_from,observed_to\n";
  static final String EVIDENCE_HEADER = "claim_id,source_id,summary,locator,recorded\n";
  static final String FLAG_HEADER = "claim_id,kind,effective,reason\n";

  /** The files of a small, valid seed. */
  static Map<String, String> seed() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "iso3166/all.csv",
        "name,alpha-2,alpha-3,country-code,iso_3166-2,region,sub-region,intermediate-region,"
            + "region-code,sub-region-code,intermediate-region-code\n"
            + "China,CN,CHN,156,ISO 3166-2:CN,Asia,Eastern Asia,\"\",142,030,\"\"\n"
            + "Kenya,KE,KEN,404,ISO 3166-2:KE,Africa,Sub-Saharan Africa,Eastern Africa,002,202,014\n"
            + "\"Côte d'Ivoire\",CI,CIV,384,ISO 3166-2:CI,Africa,Sub-Saharan Africa,Western Africa,002,202,011\n"
            + "Antarctica,AQ,ATA,010,ISO 3166-2:AQ,,,\"\",,,\"\"\n");
    m.put(
        "technologies.csv",
        "code,label,definition\n"
            + "smart_city,Safe/smart city,\"City-wide platforms, cameras and control rooms\"\n"
            + "facial_recognition,Facial recognition,Identifies people from images of faces\n");
    m.put("country-names.csv", "name,iso3,note\nKenya,KEN,\nIvory Coast,CIV,English name\n");
    m.put(
        "sources.csv",
        "id,type,url,doi,title,publisher,publisher_group,published,tier,kind,licence,attribution\n"
            + "aigs-2022,dataset,https://data.example.org/aigs/4,10.17632/gjhf5y4xjp.4,AIGS 2022,"
            + "Carnegie,Carnegie,2022-03-09,A,dataset,CC-BY-4.0,\"Feldstein (2022), DOI x\"\n"
            + "doc-aaaaaaaaaaaa,document,https://news.example.com/a,,A story,Wire Relay,Reuters,"
            + "2019-05,B,established_media,,\n");
    m.put(
        "companies.csv",
        "id,name,headquarters_iso3,parent_id,ownership,aliases\n"
            + "huawei-kenya,Huawei Kenya,KEN,huawei,private,\n"
            + "huawei,Huawei,CHN,,private,Huawei Technologies Co. Ltd | 华为\n"
            + "china-exim-bank,Export-Import Bank of China,CHN,,state_lender,China Exim\n");
    m.put(
        "claims.csv",
        CLAIM_HEADER
            + "s/KEN/uses/smart_city,uses,KEN,smart_city,,,,,,,,,unspecified,,\n"
            + "s/KEN/supplies/huawei,supplies,KEN,smart_city,huawei,,,,,,Nairobi,National Police,"
            + "deployed,2014,2019-06\n"
            + "s/KEN/origin/CHN,supplies,KEN,,,CHN,,,,,,,unspecified,,\n"
            + "s/KEN/fin/1,finances,KEN,smart_city,huawei,,china-exim-bank,concessional_loan,"
            + "1000000.50,USD,,,contracted,2015-02-28,\n");
    m.put(
        "evidence.csv",
        EVIDENCE_HEADER
            + "s/KEN/uses/smart_city,aigs-2022,AIGS lists Kenya,\"sheet, row 3\",2026-01-02\n"
            + "s/KEN/supplies/huawei,aigs-2022,AIGS names Huawei,row 3,2026-01-02\n"
            + "s/KEN/supplies/huawei,doc-aaaaaaaaaaaa,Story on Nairobi cameras,,2026-01-02\n"
            + "s/KEN/origin/CHN,aigs-2022,,,2026-01-02\n"
            + "s/KEN/fin/1,doc-aaaaaaaaaaaa,Loan reported,para 4,2026-01-02\n");
    m.put(
        "flags.csv",
        FLAG_HEADER + "s/KEN/origin/CHN,disputed,2020,\"Supplier denied it, see the story\"\n");
    m.put(
        "indicators.csv",
        "country_iso3,indicator,year,value,source_id\n"
            + "KEN,regime_type,2021,EA,aigs-2022\nKEN,bri_member,2021,true,aigs-2022\n");
    m.put(
        "entity-listings.csv",
        "company_id,list,listed_name,listed_on,reference,source_url\n"
            + "huawei,BIS Entity List,Huawei Technologies Co. Ltd,2019-05-16,84 FR 22961,\n");
    m.put(
        "published-figures.csv",
        "release,figure_id,label,published_value,value,source_urls,note\n"
            + "carnegie-2019,countries.any,Countries,at least 75,75,https://a.example | https://b.example,\n"
            + "carnegie-2019,carnegie-2019.list,Named,Kenya; Laos,,,A list\n");
    return m;
  }

  static Path write(Path dir, Map<String, String> files) throws IOException {
    for (var e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
    }
    return dir;
  }

  /** Data rows of a CSV text (records, not lines). */
  static int csvRows(String text) throws IOException {
    try (CSVParser p =
        CSVParser.builder()
            .setReader(new StringReader(text))
            .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())
            .get()) {
      return p.getRecords().size();
    }
  }

  static final String IMPORT_HEADER = String.join(",", ClaimImporter.CSV_COLUMNS) + "\n";

  /** One import CSV row from the claim part, the source part and the evidence part. */
  static String row(String claim, String source, String evidence) {
    return claim + "," + source + "," + evidence + "\n";
  }

  /** Claim columns (15) of a new 'uses' claim. */
  static String usesClaim(String id, String iso3, String tech) {
    return id + ",uses," + iso3 + "," + tech + ",,,,,,,,,deployed,2021-03-01,";
  }

  /** Source columns (12) of a new document source. */
  static String newSource(String id, String url) {
    return id + ",document," + url + ",,A title,Daily Example,,2021-03-02,B,established_media,,";
  }

  static final String EVIDENCE = "Our own words,para 2,2026-02-03";
}
