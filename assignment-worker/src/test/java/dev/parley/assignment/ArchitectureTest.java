package dev.parley.assignment;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import dev.parley.testsupport.architecture.ParleyArchitecture;

@AnalyzeClasses(packages = "dev.parley.assignment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests parleyRules = ArchTests.in(ParleyArchitecture.class);

    @ArchTest
    static final ArchRule adaptersDoNotUseEachOther = ParleyArchitecture.ADAPTERS_DO_NOT_USE_EACH_OTHER;
}
