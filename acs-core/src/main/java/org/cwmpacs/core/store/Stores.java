package org.cwmpacs.core.store;

/**
 * Everything the ACS keeps, one store behind all of it: the embedded store, or a MongoDB server in
 * GenieACS's shape.
 */
public interface Stores extends AutoCloseable {
    DeviceStore devices();

    TaskStore tasks();

    FaultStore faults();

    OperationStore operations();

    /** What kinds of CPE taught the ACS (GenieACS's {@code cache} collection). */
    ProfileMemory profiles();

    FileCatalog files();

    /** The same files, for the NBI and the file server: upload, stream, delete. */
    FileStore fileStore();

    /** Every collection as whole documents, for the NBI's queries and raw writes. */
    DocumentStore documents();

    /**
     * The session locks this store offers. Only the store's own process can reach the embedded store, so
     * its locks live in memory; a MongoDB server shared by several ACS instances keeps them in GenieACS's
     * {@code locks} collection.
     */
    SessionLocks sessionLocks();

    @Override
    void close();
}
