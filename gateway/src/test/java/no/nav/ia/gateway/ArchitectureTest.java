package no.nav.ia.gateway;

import no.nav.ia.test.PlatformArchitecture;

/** The platform's architecture rules over the gateway's classes and platform-common's. */
class ArchitectureTest extends PlatformArchitecture {}
