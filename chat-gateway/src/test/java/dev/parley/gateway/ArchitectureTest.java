package dev.parley.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.parley.testsupport.architecture.ParleyArchitecture;

@AnalyzeClasses(packages = "dev.parley.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFrameworkFree = ParleyArchitecture.domainIsFrameworkFree();

    @ArchTest
    static final ArchRule layersPointInward = ParleyArchitecture.layersPointInward();

    @ArchTest
    static final ArchRule dependsOnCommonEventsOnly = ParleyArchitecture.dependsOnCommonEventsOnly("dev.parley.gateway");
}
