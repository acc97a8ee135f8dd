package org.custodiet.web.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What every request passes before any route sees it: security headers on every response, CORS on
 * the read-only API, and limits on the size of what a client may send.
 */
public final class RequestGuards {
  /** Largest request body accepted, in bytes. */
  public static final long MAX_BODY_BYTES = 1 << 20;

  /** Longest query string accepted, in characters. */
  public static final int MAX_QUERY_STRING = 4096;

  /** Longest value of one query parameter, in characters. */
  public static final int MAX_PARAMETER_LENGTH = 512;

  /** Longest name of a query parameter, in characters. */
  public static final int MAX_PARAMETER_NAME = 64;

  /** Same-origin scripts, styles and images only; nothing may frame the site. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
          + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  /** A percent sign not followed by two hex digits, which decoders treat inconsistently. */
  private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

  private RequestGuards() {}

  /** The before-handler for all paths. */
  public static void check(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", REFERRER_POLICY);
    boolean api = ctx.path().startsWith("/api/");
    if (api) {
      ctx.header("Access-Control-Allow-Origin", "*");
      ctx.header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
      ctx.header("Access-Control-Allow-Headers", "Accept, If-None-Match");
      ctx.header("Access-Control-Expose-Headers", "ETag");
      ctx.header("Access-Control-Max-Age", "86400");
    }
    long length = ctx.req().getContentLengthLong();
    if (length > MAX_BODY_BYTES) {
      throw new HttpProblem(
          413,
          null,
          "request body of " + length + " bytes is larger than the limit of " + MAX_BODY_BYTES);
    }
    String query = ctx.queryString();
    if (query != null && query.length() > MAX_QUERY_STRING) {
      throw new HttpProblem(
          400,
          null,
          "query string of "
              + query.length()
              + " characters is longer than the limit of "
              + MAX_QUERY_STRING);
    }
    if (query != null && BAD_ESCAPE.matcher(query).find()) {
      throw new HttpProblem(400, null, "the query string is not valid URL encoding");
    }
    if (query != null) {
      Map<String, List<String>> parameters;
      try {
        parameters = ctx.queryParamMap();
      } catch (IllegalArgumentException e) {
        throw new HttpProblem(400, null, "the query string is not valid URL encoding");
      }
      for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
        String name = p.getKey();
        if (name.length() > MAX_PARAMETER_NAME) {
          throw new HttpProblem(
              400,
              name.substring(0, MAX_PARAMETER_NAME),
              "parameter name longer than " + MAX_PARAMETER_NAME + " characters");
        }
        for (String value : p.getValue()) {
          if (value.length() > MAX_PARAMETER_LENGTH) {
            throw HttpProblem.badParameter(
                name,
                "value of "
                    + value.length()
                    + " characters is longer than the limit of "
                    + MAX_PARAMETER_LENGTH);
          }
        }
      }
    }
    if (api && ctx.method() == HandlerType.OPTIONS) {
      // A CORS preflight: the headers above are the whole answer.
      ctx.status(204);
      ctx.skipRemainingHandlers();
    }
  }
}
