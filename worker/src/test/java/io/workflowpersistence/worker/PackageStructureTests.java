package io.workflowpersistence.worker;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The worker's packages depend on each other in one direction only: the stores at the
 * bottom, ingestion on them, the operations commands on ingestion, and the read side (the
 * API, its pool, the dashboard) with its access control on top, apart from the write
 * side. A cycle or an arrow upwards fails the build.
 */
class PackageStructureTests {

	private static final JavaClasses WORKER = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.workflowpersistence.worker");

	@Test
	void featurePackagesFormNoCycle() {
		slices().matching("io.workflowpersistence.worker.(*)..").should().beFreeOfCycles().check(WORKER);
	}

	@Test
	void lowerLayersNeverDependOnHigherOnes() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("Application")
			.definedBy("io.workflowpersistence.worker")
			.layer("Embedded")
			.definedBy("io.workflowpersistence.worker.embedded..")
			.layer("Read side")
			.definedBy("io.workflowpersistence.worker.api..")
			.layer("Access control")
			.definedBy("io.workflowpersistence.worker.security..")
			.layer("Operations")
			.definedBy("io.workflowpersistence.worker.replay..", "io.workflowpersistence.worker.retention..",
					"io.workflowpersistence.worker.topics..")
			.layer("Ingestion")
			.definedBy("io.workflowpersistence.worker.ingest..")
			.layer("Protection")
			.definedBy("io.workflowpersistence.worker.protection..")
			.layer("Store")
			.definedBy("io.workflowpersistence.worker.store..")
			.whereLayer("Application")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Embedded")
			.mayOnlyBeAccessedByLayers("Application")
			.whereLayer("Read side")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Access control")
			.mayOnlyBeAccessedByLayers("Read side")
			.whereLayer("Operations")
			.mayOnlyBeAccessedByLayers("Application", "Operations")
			.whereLayer("Ingestion")
			.mayOnlyBeAccessedByLayers("Operations")
			.whereLayer("Protection")
			.mayOnlyBeAccessedByLayers("Ingestion", "Operations", "Read side")
			.whereLayer("Store")
			.mayOnlyBeAccessedByLayers("Ingestion", "Operations")
			// A command starts the worker's own configuration, without its web server and
			// its listener.
			.ignoreDependency(JavaClass.Predicates.resideInAPackage("io.workflowpersistence.worker.replay"),
					JavaClass.Predicates.equivalentTo(WorkerApplication.class))
			.check(WORKER);
	}

}
