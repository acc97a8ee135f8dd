package org.custodiet.web.http;

/**
 * A request the server refuses, with the status to answer and the parameter at fault (null when the
 * problem is not one parameter's). Thrown by handlers and guards; {@link ErrorResponses} turns it
 * into a JSON body on API paths and a small page elsewhere.
 */
public final class HttpProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String field;

  public HttpProblem(int status, String field, String message) {
    super(message, null, false, false);
    this.status = status;
    this.field = field;
  }

  /** 400: a parameter is malformed, out of range or unknown. */
  public static HttpProblem badParameter(String field, String message) {
    return new HttpProblem(400, field, field + ": " + message);
  }

  /** 404: the thing named in the path does not exist. */
  public static HttpProblem notFound(String message) {
    return new HttpProblem(404, null, message);
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }
}
