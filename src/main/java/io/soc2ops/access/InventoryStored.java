package io.soc2ops.access;

/**
 * What storing one inventory sync did.
 *
 * @param syncId the {@code access_inventory_sync} row
 * @param objects distinct objects the sync listed
 * @param written object versions stored: new objects and changed ones
 * @param closed object versions closed: changed ones, and (complete syncs only) the ones
 * no longer listed
 * @param holdingsOpened holdings seen for the first time (Identity Center)
 * @param holdingsClosed holdings no longer made (complete Identity Center syncs only)
 */
public record InventoryStored(long syncId, int objects, int written, int closed, int holdingsOpened,
		int holdingsClosed) {

}
