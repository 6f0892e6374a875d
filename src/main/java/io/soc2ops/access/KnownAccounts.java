package io.soc2ops.access;

import java.util.List;

/**
 * The AWS accounts in soc2ops's scope, which access can be requested for; the {@code aws}
 * module implements it.
 */
public interface KnownAccounts {

	List<KnownAccount> all();

}
