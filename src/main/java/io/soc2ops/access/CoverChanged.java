package io.soc2ops.access;

/**
 * Published in the transaction that wrote or ended a request's cover, so that
 * reconciliation runs again once it has committed.
 */
record CoverChanged(long requestId) {

}
