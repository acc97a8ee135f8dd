package org.custodiet.web.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before any route sees the request (a path with an encoded NUL or bad
 * UTF-8, a header block too large): the same bodies and security headers as {@link ErrorResponses},
 * and no server details.
 */
public final class ServerErrors extends ErrorHandler {
  private static final Pattern API_TARGET = Pattern.compile("(?:https?://[^/]*)?/api/");

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    String text = message == null || message.isBlank() ? "HTTP " + code : message;
    // The raw target: for a rejected (ambiguous) path the decoded one may be missing. For a target
    // Jetty cannot parse at all it keeps no path, and the answer is the HTML page.
    boolean api = API_TARGET.matcher(request.getHttpURI().asString()).lookingAt();
    HttpFields.Mutable headers = response.getHeaders();
    secure(headers);
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    byte[] body;
    if (api) {
      headers.put(HttpHeader.CONTENT_TYPE, "application/json");
      body = ErrorResponses.json(new ErrorResponses.ErrorBody(code, text, null));
    } else {
      headers.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
      body = ErrorResponses.page(code, text).getBytes(StandardCharsets.UTF_8);
    }
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    secure(fields);
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    String text = reason == null || reason.isBlank() ? "HTTP " + status : reason;
    return ByteBuffer.wrap(ErrorResponses.json(new ErrorResponses.ErrorBody(status, text, null)));
  }

  private static void secure(HttpFields.Mutable headers) {
    headers.put("Content-Security-Policy", RequestGuards.CONTENT_SECURITY_POLICY);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Referrer-Policy", RequestGuards.REFERRER_POLICY);
  }
}
