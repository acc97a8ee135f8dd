package org.custodiet.web.screening;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Renders the report's XHTML to PDF with openhtmltopdf. The standard PDF fonts carry Latin glyphs
 * only; names in other scripts are printed with a transliteration beside them (see {@link
 * ReportView#withLatin}), and glyphs the fonts lack are left out rather than failing the report.
 */
final class PdfReport {
  private PdfReport() {}

  static byte[] render(String xhtml) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the report as PDF", e);
    }
  }
}
