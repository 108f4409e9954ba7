package io.ballast.platform.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, so {@code ballast --version} says what was built. */
final class BallastVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = BallastVersion.class.getPackage().getImplementationVersion();
        return new String[] {"ballast " + (version == null ? "(development build)" : version)};
    }
}
