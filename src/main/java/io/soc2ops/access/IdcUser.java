package io.soc2ops.access;

import java.util.Optional;

/**
 * An IAM Identity Center user as the latest inventory listed it.
 *
 * @param userId the identity store's ID, which account assignments name
 */
public record IdcUser(String userId, String userName, String displayName, Optional<String> email) {

}
