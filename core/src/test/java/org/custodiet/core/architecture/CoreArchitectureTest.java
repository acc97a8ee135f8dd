package org.custodiet.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** core is the domain: it may use the JDK and itself, and nothing that does I/O for a living. */
class CoreArchitectureTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.custodiet.core");

  /**
   * One exception: the screening matcher transliterates Cyrillic and Han names to Latin with ICU4J,
   * a pure library with no I/O, because the JDK has no transliteration tables.
   */
  @Test
  void coreDependsOnlyOnTheJdkAndItself() {
    classes()
        .that()
        .resideInAPackage("org.custodiet.core..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.custodiet.core..", "com.ibm.icu..")
        .check(CORE);
  }

  @Test
  void onlyTheScreeningPackageUsesIcu() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.custodiet.core.screening..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.ibm.icu..")
        .check(CORE);
  }

  @Test
  void coreUsesNoDatabaseWebOrCommandLineLibrary() {
    noClasses()
        .that()
        .resideInAPackage("org.custodiet.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..",
            "javax.sql..",
            "java.net.http..",
            "org.flywaydb..",
            "org.jdbi..",
            "org.h2..",
            "org.postgresql..",
            "io.javalin..",
            "jakarta.servlet..",
            "picocli..",
            "org.custodiet.store..",
            "org.custodiet.app..")
        .check(CORE);
  }

  @Test
  void theModelKnowsNothingOfRulesOrTheIndex() {
    noClasses()
        .that()
        .resideInAPackage("org.custodiet.core.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.custodiet.core.rules..", "org.custodiet.core.index..")
        .check(CORE);
  }
}
