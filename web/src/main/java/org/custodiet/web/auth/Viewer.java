package org.custodiet.web.auth;

import org.custodiet.core.account.Principal;
import org.custodiet.core.account.Role;

/**
 * Who is looking at a page, for the site navigation (sign in, or name and sign out). The layout
 * template reads it as a default parameter, so the many page handlers need not pass it along; it is
 * set by the before-handler for the thread serving the request and cleared after.
 */
public record Viewer(String username, Role role, String csrfToken) {
  public static final Viewer ANONYMOUS = new Viewer(null, null, null);

  private static final ThreadLocal<Viewer> CURRENT = new ThreadLocal<>();

  /** The viewer of the request this thread is serving; anonymous outside a request. */
  public static Viewer current() {
    Viewer v = CURRENT.get();
    return v == null ? ANONYMOUS : v;
  }

  static void set(Principal principal, String csrfToken) {
    CURRENT.set(new Viewer(principal.username(), principal.role(), csrfToken));
  }

  static void clear() {
    CURRENT.remove();
  }

  public boolean signedIn() {
    return username != null;
  }

  /** Whether the viewer may review (curators and admins). */
  public boolean curator() {
    return role != null && role.permits(Role.CURATOR);
  }

  public boolean admin() {
    return role == Role.ADMIN;
  }
}
