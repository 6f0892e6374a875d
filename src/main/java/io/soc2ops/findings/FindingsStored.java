package io.soc2ops.findings;

import java.util.List;

/**
 * Told of the findings the intake has just inserted or replaced with a newer version,
 * from every channel (API, events, queue, files, demo), so that another module can keep
 * something derived from them (vulnerabilities keeps its Inspector items). Called on the
 * intake's thread, inside its transaction, once per stored chunk: what the listener
 * writes is committed with the findings, and a failure stores nothing of the chunk.
 * Imports run at thousands of findings a second, so a listener looks at the findings it
 * wants first (say, by product) and returns at once for the others.
 */
public interface FindingsStored {

	/**
	 * @param findings the findings inserted or updated, each at most once; a version that
	 * lost a race to a newer one written meanwhile may be among them, so a listener keeps
	 * its own guard on {@link Finding#updatedAt()}
	 */
	void stored(List<Finding> findings, IntakeChannel channel);

}
