package org.custodiet.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One way to answer every failure: {@code {"status", "message", "field"}} as JSON under {@code
 * /api/}, a small HTML page elsewhere. Unexpected exceptions are logged and answered with a 500
 * that reveals nothing of the server's internals.
 */
public final class ErrorResponses {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The JSON error body of the API. */
  public record ErrorBody(int status, String message, String field) {}

  private ErrorResponses() {}

  public static void register(JavalinConfig config) {
    config.routes.exception(
        HttpProblem.class, (e, ctx) -> answer(ctx, e.status(), e.getMessage(), e.field()));
    config.routes.exception(
        HttpResponseException.class,
        (e, ctx) -> answer(ctx, e.getStatus(), describe(e.getStatus(), e.getMessage()), null));
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
          answer(ctx, 500, "internal error; the server log has the details", null);
        });
    config.routes.error(
        404,
        ctx -> {
          if (ctx.resultInputStream() == null) {
            answer(ctx, 404, "nothing at " + ctx.method() + " " + ctx.path(), null);
          }
        });
    config.routes.error(
        405,
        ctx -> {
          if (ctx.resultInputStream() == null) {
            answer(ctx, 405, ctx.method() + " is not allowed on " + ctx.path(), null);
          }
        });
  }

  /** Writes the error for {@code status}: JSON on API paths, HTML elsewhere; never cached. */
  public static void answer(Context ctx, int status, String message, String field) {
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    if (ctx.path().startsWith("/api/")) {
      ctx.contentType("application/json");
      ctx.result(json(new ErrorBody(status, message, field)));
    } else {
      ctx.contentType("text/html; charset=utf-8");
      ctx.result(page(status, message));
    }
  }

  static byte[] json(ErrorBody body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an error body", e);
    }
  }

  static String page(int status, String message) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + status
        + " — custodiet</title></head><body><h1>"
        + status
        + "</h1><p class=\"error-message\">"
        + escape(message)
        + "</p><p><a href=\"/\">custodiet</a></p></body></html>\n";
  }

  private static String describe(int status, String message) {
    return message == null || message.isBlank() ? "HTTP " + status : message;
  }

  /** Escapes text for HTML element content and attribute values. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
