package org.custodiet.ingest;

/** Test articles, written for these tests. */
final class Stories {
  private Stories() {}

  /** A made-up wire story about a camera contract. */
  static final String CAMERAS =
      "The interior ministry of Kenya has agreed a contract with Examplecorp for a network of"
          + " street cameras in three coastal towns, officials said on Tuesday. The first phase"
          + " covers the ferry terminals and the main market roads, where the ministry says petty"
          + " theft has risen for two years in a row. A spokesperson for the county government"
          + " described the cameras as a tool for traffic planning as much as for policing, and"
          + " said footage would be kept for thirty days before it is deleted. Civil liberties"
          + " groups asked to see the contract and the rules for who may search the recordings."
          + " They pointed out that the tender documents mention matching faces against a watch"
          + " list, which the ministry did not confirm. Installation is due to start after the"
          + " rainy season, and the towns will share one control room near the port. Local"
          + " traders gave the plan a mixed welcome, saying better lighting would help more.";

  /** The same story as a syndicating site runs it: its own headline line, one sentence cut. */
  static final String CAMERAS_SYNDICATED =
      "Coast towns to get camera network\n\n"
          + CAMERAS
              .replace(
                  " Local traders gave the plan a mixed welcome, saying better lighting would help"
                      + " more.",
                  "")
              .replace("officials said on Tuesday", "officials told reporters on Tuesday");

  /** A different story naming the same company. */
  static final String FLOODS =
      "Heavy rain closed two highways in the north of Ecuador over the weekend, and rescue crews"
          + " moved several hundred families to school buildings on higher ground. The weather"
          + " office expects the storms to ease by Thursday, although rivers will stay high for"
          + " several more days. Engineers from the roads agency are inspecting a bridge that lost"
          + " part of its embankment, and a temporary crossing is planned for heavy vehicles."
          + " Farmers in the valley reported losses of maize and beans just before the harvest."
          + " Separately, Northwind Vision said its office in Ecuador would stay closed until"
          + " the power supply is restored.";
}
