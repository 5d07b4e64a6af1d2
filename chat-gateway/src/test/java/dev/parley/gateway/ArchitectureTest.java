package dev.parley.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.parley.testsupport.architecture.ParleyArchitecture;

@AnalyzeClasses(packages = "dev.parley.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests parleyRules = ArchTests.in(ParleyArchitecture.class);
}
