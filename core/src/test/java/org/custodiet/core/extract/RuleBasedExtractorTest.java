package org.custodiet.core.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.custodiet.core.Fixtures;
import org.custodiet.core.model.Company;
import org.custodiet.core.model.Country;
import org.custodiet.core.model.Financing;
import org.junit.jupiter.api.Test;

/** Each relation rule on short texts written for these tests. */
class RuleBasedExtractorTest {
  private static final RuleBasedExtractor EXTRACTOR = new RuleBasedExtractor(gazetteer());

  static Gazetteer gazetteer() {
    Fixtures f = new Fixtures();
    f.countries.add(new Country("SRB", "RS", "Serbia", "Europe", "Southern Europe"));
    f.countries.add(new Country("ZMB", "ZM", "Zambia", "Africa", "Eastern Africa"));
    f.countries.add(new Country("GBR", "GB", "United Kingdom", "Europe", "Northern Europe"));
    f.countries.add(new Country("PAK", "PK", "Pakistan", "Asia", "Southern Asia"));
    f.countries.add(new Country("CAN", "CA", "Canada", "Americas", "Northern America"));
    f.countries.add(new Country("KAZ", "KZ", "Kazakhstan", "Asia", "Central Asia"));
    f.countries.add(new Country("SEN", "SN", "Senegal", "Africa", "Western Africa"));
    f.countries.add(new Country("UGA", "UG", "Uganda", "Africa", "Eastern Africa"));
    f.countries.add(new Country("DNK", "DK", "Denmark", "Europe", "Northern Europe"));
    f.countries.add(new Country("RUS", "RU", "Russia", "Europe", "Eastern Europe"));
    f.countries.add(new Country("IND", "IN", "India", "Asia", "Southern Asia"));
    f.companies.add(
        new Company(
            "hikvision", "Hikvision", "CHN", null, Company.Ownership.LISTED, List.of("Hikvsion")));
    f.companies.add(
        new Company(
            "clearview-ai", "Clearview AI", "USA", null, Company.Ownership.PRIVATE, List.of()));
    return Gazetteer.from(f.build());
  }

  private static List<String> keys(String text) {
    return EXTRACTOR.extract(text).stream()
        .map(c -> c.supplierCompanyId() + "/" + c.countryIso3() + "/" + c.technology())
        .distinct()
        .sorted()
        .collect(Collectors.toList());
  }

  @Test
  void supplierCountryAndTechnologyInOneSentence() {
    assertThat(
            keys(
                "Last year Huawei signed a contract with the government of Zambia to supply a safe"
                    + " city platform."))
        .containsExactly("huawei/ZMB/smart_city");
  }

  @Test
  void cityGivesTheCountryAndTheCity() {
    List<CandidateClaim> claims =
        EXTRACTOR.extract("Engineers from Huawei installed 900 surveillance cameras in Nairobi.");
    assertThat(claims).hasSize(1);
    assertThat(claims.get(0).countryIso3()).isEqualTo("KEN");
    assertThat(claims.get(0).city()).isEqualTo("Nairobi");
    assertThat(claims.get(0).technology()).isEqualTo("smart_city");
  }

  @Test
  void demonymNamesTheCustomerButNotTheSupplierOrigin() {
    assertThat(
            keys(
                "Malaysian police have deployed body cameras with facial recognition from Chinese"
                    + " firm Huawei."))
        .containsExactly("huawei/MYS/facial_recognition");
  }

  @Test
  void placeNamedAsHeadquartersIsNotTheDeployment() {
    assertThat(
            keys(
                "The Kenyan ministry bought facial recognition software from Beijing-based"
                    + " Huawei."))
        .containsExactly("huawei/KEN/facial_recognition");
  }

  @Test
  void negatedTechnologyIsDropped() {
    assertThat(
            keys(
                "Huawei installed cameras in Lahore that cannot read number plates and have no"
                    + " face recognition function."))
        .containsExactly("huawei/PAK/smart_city");
  }

  @Test
  void deniedSupplyYieldsNothing() {
    assertThat(keys("Huawei denied that it supplied facial recognition to police in Serbia."))
        .isEmpty();
  }

  @Test
  void hedgedStatementsYieldNothing() {
    assertThat(
            keys(
                "The Zambian interior ministry is considering buying facial recognition cameras"
                    + " from Hikvision."))
        .isEmpty();
    assertThat(
            keys("Police in Serbia would potentially use facial recognition supplied by Huawei."))
        .isEmpty();
  }

  @Test
  void parentNamedInAnAppositiveDescribesTheSupplier() {
    assertThat(
            keys(
                "Avigilon, the Canadian video analytics unit of Chicago-based Motorola, has won a"
                    + " contract to put facial recognition cameras in Belgrade stations."))
        .containsExactly("avigilon/SRB/facial_recognition");
    assertThat(
            keys(
                "Avigilon, a subsidiary of Motorola, installed a camera network for police in"
                    + " Lusaka."))
        .containsExactly("avigilon/ZMB/smart_city");
    assertThat(
            keys(
                "Avigilon, owned by Motorola, delivered facial recognition to the Kazakh police"
                    + " in Almaty."))
        .containsExactly("avigilon/KAZ/facial_recognition");
  }

  @Test
  void companiesListedWithCommasAreNotAppositives() {
    assertThat(
            keys(
                "Avigilon, Motorola, and Hikvision supplied facial recognition cameras to police"
                    + " in Belgrade."))
        .containsExactly(
            "avigilon/SRB/facial_recognition",
            "hikvision/SRB/facial_recognition",
            "motorola/SRB/facial_recognition");
    assertThat(
            keys(
                "Avigilon, part of a consortium with Motorola, installed facial recognition"
                    + " cameras for police in Belgrade."))
        .contains("motorola/SRB/facial_recognition");
  }

  private static final String LONG_SIGNING =
      "Serbia's interior ministry %s the framework document on Tuesday after months of debate in"
          + " parliament over cost, privacy and the long list of bidders from abroad, and under it"
          + " Huawei %s install facial recognition cameras in Belgrade.";

  @Test
  void wouldUnderASignedDealStatesItsTerms() {
    assertThat(keys(LONG_SIGNING.formatted("signed", "would")))
        .containsExactly("huawei/SRB/facial_recognition");
    assertThat(keys(LONG_SIGNING.formatted("signed", "will")))
        .containsExactly("huawei/SRB/facial_recognition");
  }

  @Test
  void possibilityStaysHedgedEvenAfterASignedDeal() {
    assertThat(keys(LONG_SIGNING.formatted("signed", "would potentially"))).isEmpty();
    assertThat(keys(LONG_SIGNING.formatted("signed", "could"))).isEmpty();
    assertThat(keys(LONG_SIGNING.formatted("signed", "might"))).isEmpty();
    assertThat(keys(LONG_SIGNING.formatted("has not signed", "would"))).isEmpty();
    assertThat(keys(LONG_SIGNING.formatted("discussed", "would"))).isEmpty();
  }

  @Test
  void aggregateStatementWithoutCountryIsNoClaim() {
    assertThat(
            keys("Huawei says it has deployed its safe city solution in more than 90 countries."))
        .isEmpty();
  }

  @Test
  void sanctionsAndEarningsAreNoClaims() {
    assertThat(
            keys(
                "The United States added Hikvision to its entity list over surveillance cameras"
                    + " used in China."))
        .isEmpty();
    assertThat(
            keys(
                "Hikvision reported revenue growth from surveillance cameras sold in Kenya last"
                    + " quarter."))
        .isEmpty();
  }

  @Test
  void unnamedSupplierIsNoClaim() {
    assertThat(
            keys(
                "Chinese companies installed a network of surveillance cameras in Quito, paid for"
                    + " by a loan from China."))
        .isEmpty();
  }

  @Test
  void companyAndFirmReferBackToTheLastNamedSupplier() {
    String text =
        "Clearview AI offers a face search app to police. The company has since sold access to"
            + " the Royal Canadian Mounted Police in Ottawa.";
    assertThat(keys(text)).containsExactly("clearview-ai/CAN/facial_recognition");
  }

  @Test
  void documentCountryFillsASentenceWithoutPlace() {
    String text =
        "Serbia expands its camera network.\n"
            + "The interior ministry in Serbia signed a second contract this spring. Huawei"
            + " delivered the command centre software for the project.";
    assertThat(keys(text)).containsExactly("huawei/SRB/smart_city");
  }

  @Test
  void safeCityWithFaceRecognitionGivesBothClaims() {
    assertThat(
            keys(
                "Huawei built a safe city system with facial recognition for the police in"
                    + " Belgrade."))
        .containsExactly("huawei/SRB/facial_recognition", "huawei/SRB/smart_city");
  }

  @Test
  void listedCitiesEachGetAClaim() {
    List<CandidateClaim> claims =
        EXTRACTOR.extract(
            "Hikvision supplied surveillance cameras to the councils of Manchester, Leeds and"
                + " Glasgow.");
    assertThat(claims)
        .extracting(CandidateClaim::city)
        .containsExactlyInAnyOrder("Manchester", "Leeds", "Glasgow");
    assertThat(claims).extracting(CandidateClaim::countryIso3).containsOnly("GBR");
  }

  @Test
  void financingWithLenderInstrumentAndAmount() {
    String text =
        "Huawei will build the safe city project in Lusaka. China Exim Bank provides a"
            + " concessional loan of US$ 210 million for the project.";
    List<CandidateClaim> claims = EXTRACTOR.extract(text);
    assertThat(claims).hasSize(1);
    CandidateClaim.FinancingMention f = claims.get(0).financing();
    assertThat(f).isNotNull();
    assertThat(f.lenderId()).isEqualTo("exim");
    assertThat(f.instrument()).isEqualTo(Financing.Instrument.CONCESSIONAL_LOAN);
    assertThat(f.amountUsd()).isEqualByComparingTo(new BigDecimal("210000000"));
  }

  @Test
  void paymentToTheSupplierIsNotFinancing() {
    List<CandidateClaim> claims =
        EXTRACTOR.extract(
            "The cabinet approved a grant of $4 million to Huawei for the Lahore safe city"
                + " project.");
    assertThat(claims).extracting(CandidateClaim::financing).containsOnlyNulls();
  }

  @Test
  void spanCoversExactlyTheEvidenceSentence() {
    String first = "Officials met on Monday.";
    String evidence = "Hikvision installed 300 cameras in Nairobi for the city council.";
    String text = first + "  " + evidence + "\nNothing else happened.";
    List<CandidateClaim> claims = EXTRACTOR.extract(text);
    assertThat(claims).hasSize(1);
    CandidateClaim c = claims.get(0);
    assertThat(text.substring(c.spanStart(), c.spanEnd())).isEqualTo(evidence);
    assertThat(c.extractor()).isEqualTo(EXTRACTOR.name());
    assertThat(c.extractorVersion()).isEqualTo(EXTRACTOR.version());
    assertThat(c.confidence()).isBetween(0.0, 1.0);
  }

  @Test
  void aliasesAndOddSpacingMatch() {
    assertThat(keys("Hikvsion   supplied\tsurveillance  cameras to police in Nairobi."))
        .containsExactly("hikvision/KEN/smart_city");
  }

  @Test
  void lowerCaseCommonWordsAreNotCompanies() {
    Fixtures f = new Fixtures();
    f.companies.add(new Company("axis", "Axis", "DEU", null, Company.Ownership.LISTED, List.of()));
    RuleBasedExtractor extractor = new RuleBasedExtractor(Gazetteer.from(f.build()));
    assertThat(
            extractor.extract(
                "Along the main axis of the city, police installed new cameras in Nairobi."))
        .isEmpty();
    assertThat(extractor.extract("Axis installed new cameras for police in Nairobi."))
        .extracting(CandidateClaim::supplierCompanyId)
        .containsExactly("axis");
  }

  @Test
  void textWithoutSuppliersYieldsNothing() {
    assertThat(EXTRACTOR.extract("")).isEmpty();
    assertThat(EXTRACTOR.extract("Police in Nairobi installed 2,000 cameras.")).isEmpty();
    assertThatThrownBy(() -> EXTRACTOR.extract(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void parallelExtractionGivesTheSameResults() throws Exception {
    List<String> texts =
        List.of(
            "Huawei installed surveillance cameras in Nairobi for the police.",
            "Hikvision supplied surveillance cameras to the councils of Manchester and Leeds.",
            "Huawei built a safe city system with facial recognition in Belgrade.",
            "Police in Serbia would potentially use facial recognition supplied by Huawei.",
            "Clearview AI sold its app to police in Ottawa. The company also trained officers.");
    List<List<CandidateClaim>> expected = texts.stream().map(EXTRACTOR::extract).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> runs = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 200; round++) {
                    for (int i = 0; i < texts.size(); i++) {
                      if (!EXTRACTOR.extract(texts.get(i)).equals(expected.get(i))) {
                        return false;
                      }
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> run : runs) {
        assertThat(run.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(expected.stream().mapToInt(List::size).sum()).isGreaterThan(4);
  }

  @Test
  void eachTechnologyGoesToTheNearestSupplierAndThoseListedWithIt() {
    assertThat(
            keys(
                "The street cameras were delivered by Dahua and Tiandy, while the face recognition"
                    + " software came from SenseTime, for the police of Almaty."))
        .containsExactly(
            "dahua/KAZ/smart_city", "sensetime/KAZ/facial_recognition", "tiandy/KAZ/smart_city");
  }

  @Test
  void aSupplierWithoutATermOfItsOwnSharesTheTermsAroundIt() {
    assertThat(
            keys(
                "Nine in ten of the council's cameras in London were made by Hikvision and the"
                    + " rest by Axis."))
        .containsExactly("axis-communications/GBR/smart_city", "hikvision/GBR/smart_city");
  }

  @Test
  void hyphenatedDescriptionOfAFirmNamesItsOrigin() {
    assertThat(
            keys(
                "Danish police run their analysis platform on software from Palantir, the"
                    + " American data-mining firm."))
        .containsExactly("palantir/DNK/smart_policing");
  }

  @Test
  void policeHeadquartersIsNoCompanyHeadquarters() {
    assertThat(
            keys(
                "Huawei installed the cameras and a control room at police headquarters in Kampala."))
        .containsExactly("huawei/UGA/smart_city");
  }

  @Test
  void aForeignExportBankIsALenderNotTheDeploymentPlace() {
    String text =
        "Police in Nairobi ordered 2,000 cameras for the city. The equipment came from Huawei,"
            + " and a loan from the Exim Bank of India paid for part of it.";
    List<CandidateClaim> claims = EXTRACTOR.extract(text);
    assertThat(claims)
        .extracting(c -> c.supplierCompanyId() + "/" + c.countryIso3() + "/" + c.technology())
        .containsExactly("huawei/KEN/smart_city");
    assertThat(claims.get(0).financing().lenderId()).isEqualTo("india-exim-bank");
  }

  @Test
  void choosingASupplierIsASupply() {
    assertThat(keys("Officials in Lusaka chose Hikvision to fit the city's streets with cameras."))
        .containsExactly("hikvision/ZMB/smart_city");
  }

  @Test
  void aDepartmentIsACustomerThatLetsASentenceBorrowTheDocumentCountry() {
    assertThat(
            keys(
                "Facial recognition cameras now watch the Moscow metro. The transport department"
                    + " ran a pilot with NtechLab."))
        .containsExactly("ntechlab/RUS/facial_recognition");
  }

  @Test
  void softwareFromASupplierIsASupply() {
    assertThat(
            keys(
                "A command centre in Hyderabad flags wanted faces. It integrates software from"
                    + " Staqu, an Indian startup."))
        .containsExactly("staqu/IND/facial_recognition");
  }

  @Test
  void takingDeliveryOfAVideoProtectionSystemIsASupply() {
    assertThat(
            keys(
                "The Interior Ministry in Dakar took delivery of a video protection system built by"
                    + " Huawei."))
        .containsExactly("huawei/SEN/smart_city");
  }

  @Test
  void theFirmBehindAProjectSuppliedIt() {
    assertThat(
            keys(
                "Ugandan police will add 500 cameras. The telecoms giant behind the project,"
                    + " Huawei, will train officers to run the monitoring centres."))
        .containsExactly("huawei/UGA/smart_city");
  }

  @Test
  void decidingAgainstATrialIsNoSupply() {
    assertThat(
            keys(
                "The council in Warsaw decided against a trial of facial recognition offered by"
                    + " Hikvision."))
        .isEmpty();
  }

  @Test
  void aPlatformThatManagesFeedsInACityIsADeployment() {
    assertThat(keys("Hikvision's platform manages the camera feeds of Quito's traffic police."))
        .containsExactly("hikvision/ECU/smart_city");
  }

  @Test
  void aLenderNamedWithItsCountryInThePossessiveIsNoPlace() {
    List<CandidateClaim> claims =
        EXTRACTOR.extract(
            "The safe city of Lahore went live last year. It was built by Huawei with $100 million"
                + " borrowed from China's Exim Bank.");
    assertThat(claims)
        .extracting(c -> c.supplierCompanyId() + "/" + c.countryIso3())
        .containsExactly("huawei/PAK");
  }

  @Test
  void camerasFromASupplierStayCamerasBesideAnotherSuppliersAnalytics() {
    assertThat(
            keys(
                "Pakistani police use face recognition from Cognitec and cameras from Hikvision in"
                    + " Karachi."))
        .containsExactly("cognitec/PAK/facial_recognition", "hikvision/PAK/smart_city");
  }

  @Test
  void aSuppliersBrandNamesTheSupplier() {
    assertThat(keys("The council in London installed EZVIZ cameras on its housing estates."))
        .containsExactly("hikvision/GBR/smart_city");
  }
}
