package org.licensecentral.testsupport;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers here, asked once per JVM (Testcontainers probes every strategy). */
final class Docker {

    private static Boolean available;

    private Docker() {}

    static synchronized boolean isAvailable() {
        if (available == null) {
            available = DockerClientFactory.instance().isDockerAvailable();
        }
        return available;
    }

    static String unavailableReason() {
        return "no Docker engine answers on this machine (Testcontainers found none)";
    }
}
