package org.custodiet.store.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle) in the usual PHC string form, {@code
 * $argon2id$v=19$m=19456,t=2,p=1$salt$hash}: the cost and salt travel with the hash, so the cost
 * can be raised later without breaking stored hashes.
 */
public final class PasswordHasher {
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  /** OWASP's minimum recommendation for Argon2id: 19 MiB, two passes, one lane. */
  public static final PasswordHasher DEFAULT = new PasswordHasher(19_456, 2, 1);

  private final int memoryKib;
  private final int iterations;
  private final int parallelism;
  private final SecureRandom random = new SecureRandom();

  /** The hash of a password nobody has, verified against for unknown users so timing is alike. */
  private final String decoy;

  public PasswordHasher(int memoryKib, int iterations, int parallelism) {
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.parallelism = parallelism;
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    this.decoy = hash(B64.encodeToString(secret));
  }

  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] out = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
    return "$argon2id$v=19$m="
        + memoryKib
        + ",t="
        + iterations
        + ",p="
        + parallelism
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(out);
  }

  /** Whether {@code password} matches {@code encoded}; false for a malformed hash. */
  public boolean verify(String password, String encoded) {
    Parsed p = parse(encoded);
    if (p == null) {
      return false;
    }
    byte[] actual = derive(password, p.salt, p.memory, p.iterations, p.parallelism, p.hash.length);
    return MessageDigest.isEqual(actual, p.hash);
  }

  /** Spends the time of one verification, for a user that does not exist. */
  public void verifyDecoy(String password) {
    verify(password, decoy);
  }

  private record Parsed(int memory, int iterations, int parallelism, byte[] salt, byte[] hash) {}

  private static Parsed parse(String encoded) {
    if (encoded == null) {
      return null;
    }
    String[] parts = encoded.split("\\$");
    // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return null;
    }
    try {
      int m = 0;
      int t = 0;
      int par = 0;
      for (String kv : parts[3].split(",")) {
        String[] pair = kv.split("=", 2);
        int value = Integer.parseInt(pair[1]);
        switch (pair[0]) {
          case "m" -> m = value;
          case "t" -> t = value;
          case "p" -> par = value;
          default -> {
            return null;
          }
        }
      }
      if (m < 8 || m > 1 << 22 || t < 1 || t > 100 || par < 1 || par > 16) {
        return null;
      }
      byte[] salt = B64D.decode(parts[4]);
      byte[] hash = B64D.decode(parts[5]);
      if (salt.length < 8 || hash.length < 16) {
        return null;
      }
      return new Parsed(m, t, par, salt, hash);
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      return null;
    }
  }

  private static byte[] derive(
      String password, byte[] salt, int memory, int iterations, int parallelism, int length) {
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memory)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
